package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slipway.core.selection.Fixtures.*;
import static io.slipway.core.selection.Select.direct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MethodsTest {
    private final Manifest m = Fixtures.jaffle();

    @Test
    void fqnMatchesLeafNamePrefixesAndWildcards() {
        assertThat(direct(m, "stg_orders")).containsExactly(STG_ORDERS);
        assertThat(direct(m, "fqn:stg_orders")).containsExactly(STG_ORDERS);
        // a folder, with and without the package
        assertThat(direct(m, "staging")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS, SOURCE_TEST);
        assertThat(direct(m, "jaffle_shop.marts")).containsExactlyInAnyOrder(CUSTOMERS, ORDERS, UNIT);
        assertThat(direct(m, "marts.orders")).containsExactly(ORDERS);
        assertThat(direct(m, "jaffle_shop.marts.orders")).containsExactly(ORDERS);
        // wildcards switch to fnmatch for the rest of the name
        assertThat(direct(m, "staging.stg_*")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
        // the pattern is matched against the rest of the name from the package or the first folder on
        assertThat(direct(m, "stg_?ustomers")).isEmpty();
        assertThat(direct(m, "*.stg_?ustomers")).containsExactly(STG_CUSTOMERS);
        assertThat(direct(m, "jaffle_shop.*.orders")).containsExactly(ORDERS);
        // the package alone selects the whole package
        assertThat(direct(m, "dbt_utils")).containsExactly(UTIL);
        // a prefix of a name is not a match
        assertThat(direct(m, "stg_")).isEmpty();
        // sources are not matched by fqn
        assertThat(direct(m, "raw_payments")).isEmpty();
    }

    @Test
    void fqnStarSelectsEveryEnabledNonEmptyNode() {
        assertThat(direct(m, "fqn:*")).doesNotContain(RAW_PAYMENTS, DISABLED, EMPTY_MODEL)
                .contains(STG_ORDERS, UTIL, SINGULAR, UNIT, RAW_CUSTOMERS).hasSize(m.nodes().size() - 2);
    }

    @Test
    void fqnDotsInNamesActAsSeparators() {
        Node dotted = Fixtures.model("a.b").folder("x").build();
        Manifest withDots = Fixtures.manifest(List.of(dotted), List.of());
        assertThat(direct(withDots, "x.a.b")).containsExactly("model.jaffle_shop.a.b");
        assertThat(direct(withDots, "x.a")).containsExactly("model.jaffle_shop.a.b");
        assertThat(direct(withDots, "a.b")).containsExactly("model.jaffle_shop.a.b");
    }

    @Test
    void tagMatchesNodesAndSourcesWithFnmatch() {
        assertThat(direct(m, "tag:staging")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "tag:pii")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "tag:*ly")).containsExactlyInAnyOrder(CUSTOMERS, ORDERS);
        assertThat(direct(m, "tag:stag")).isEmpty();
    }

    @Test
    void fileMatchesNameOrStem() {
        assertThat(direct(m, "file:stg_orders.sql")).containsExactly(STG_ORDERS);
        assertThat(direct(m, "file:stg_orders")).containsExactly(STG_ORDERS);
        assertThat(direct(m, "file:stg_*")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
        // a value ending in .sql/.csv/.py defaults to file:
        assertThat(direct(m, "stg_orders.sql")).containsExactly(STG_ORDERS);
        assertThat(direct(m, "raw_orders.csv")).containsExactly(RAW_ORDERS);
        assertThat(direct(m, "STG_ORDERS.SQL")).isEmpty();
        // the source's file is its properties file
        assertThat(direct(m, "file:__sources.yml")).containsExactlyInAnyOrder(RAW_PAYMENTS, SOURCE_TEST);
    }

    @Test
    void packageMatchesWithThisAndWildcards() {
        assertThat(direct(m, "package:dbt_utils")).containsExactly(UTIL);
        assertThat(direct(m, "package:this")).contains(STG_ORDERS, RAW_PAYMENTS).doesNotContain(UTIL);
        assertThat(direct(m, "package:dbt_*")).containsExactly(UTIL);
        assertThat(direct(m, "package:jaffle")).isEmpty();
    }

    @Test
    void sourceMatchesSourceTableAndPackageForms() {
        assertThat(direct(m, "source:ecom")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "source:ecom.raw_payments")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "source:jaffle_shop.ecom.raw_payments")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "source:e*.raw_*")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "source:ecom.raw_orders")).isEmpty();
        assertThat(direct(m, "source:other_pkg.ecom.raw_payments")).isEmpty();
        assertThatThrownBy(() -> direct(m, "source:a.b.c.d"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid source selector value \"a.b.c.d\"")
                .hasMessageContaining("source:<source_name>.<table_name>")
                .satisfies(e -> assertThat(((SlipwayException) e).code()).isEqualTo(ErrorCode.SELECTOR_INVALID));
    }

    @Test
    void configMatchesValuesListsBooleansAndDefaults() {
        assertThat(direct(m, "config.materialized:table")).containsExactly(CUSTOMERS);
        // models that never set materialized are views by default
        assertThat(direct(m, "config.materialized:view")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, UTIL);
        assertThat(direct(m, "config.materialized:seed")).containsExactlyInAnyOrder(RAW_CUSTOMERS, RAW_ORDERS);
        // list values: membership
        assertThat(direct(m, "config.tags:nightly")).containsExactly(ORDERS);
        assertThat(direct(m, "config.grants.select:bi")).containsExactly(ORDERS);
        // nested keys and case-insensitive booleans
        assertThat(direct(m, "config.contract.enforced:true")).containsExactly(ORDERS);
        assertThat(direct(m, "config.contract.enforced:TRUE")).containsExactly(ORDERS);
        assertThat(direct(m, "config.meta.contains_pii:True")).containsExactly(CUSTOMERS);
        assertThat(direct(m, "config.meta.owner:ana")).containsExactly(CUSTOMERS);
        assertThat(direct(m, "config.meta.owner:Ana")).isEmpty();
        // on_schema_change default is ignore
        assertThat(direct(m, "config.on_schema_change:append_new_columns")).containsExactly(ORDERS);
        assertThat(direct(m, "config.on_schema_change:ignore")).contains(STG_ORDERS, CUSTOMERS).doesNotContain(ORDERS);
        // a key no node has matches nothing
        assertThat(direct(m, "config.no_such_key:x")).isEmpty();
    }

    @Test
    void configFalseMatchesBooleanFalseAndEnabledSources() {
        assertThat(direct(m, "config.contract.enforced:false")).contains(CUSTOMERS, STG_ORDERS).doesNotContain(ORDERS);
        // sources are configurable too: enabled defaults to true
        assertThat(direct(m, "config.enabled:true")).contains(RAW_PAYMENTS, STG_ORDERS);
    }

    @Test
    void configSeverityIsCaseInsensitive() {
        assertThat(direct(m, "config.severity:warn")).containsExactly(ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "config.severity:WARN")).containsExactly(ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "config.severity:error")).containsExactlyInAnyOrder(UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS,
                UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SINGULAR, SOURCE_TEST);
        // other keys are case-sensitive
        assertThat(direct(m, "config.materialized:TABLE")).isEmpty();
    }

    @Test
    void resourceTypeMatchesNodesAndSources() {
        assertThat(direct(m, "resource_type:seed")).containsExactlyInAnyOrder(RAW_CUSTOMERS, RAW_ORDERS);
        assertThat(direct(m, "resource_type:source")).containsExactly(RAW_PAYMENTS);
        assertThat(direct(m, "resource_type:unit_test")).containsExactly(UNIT);
        assertThat(direct(m, "resource_type:exposure")).isEmpty();
        assertThatThrownBy(() -> direct(m, "resource_type:modle"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid resource_type selector \"modle\"")
                .hasMessageContaining("Did you mean 'model'");
    }

    @Test
    void testNameMatchesGenericTestsAndUnitTests() {
        assertThat(direct(m, "test_name:unique")).containsExactlyInAnyOrder(UNIQUE_STG_CUSTOMERS, UNIQUE_CUSTOMERS);
        assertThat(direct(m, "test_name:not_*")).containsExactlyInAnyOrder(NOT_NULL_STG_ORDERS, SOURCE_TEST);
        // the name without its package
        assertThat(direct(m, "test_name:expression_is_true")).containsExactly(EXPRESSION);
        assertThat(direct(m, "test_name:dbt_utils.expression_is_true")).isEmpty();
        assertThat(direct(m, "test_name:test_customers_count")).containsExactly(UNIT);
        // singular tests have no test name
        assertThat(direct(m, "test_name:assert_positive_total")).isEmpty();
    }

    @Test
    void testTypeSelectsGenericSingularUnitAndData() {
        assertThat(direct(m, "test_type:singular")).containsExactly(SINGULAR);
        assertThat(direct(m, "test_type:generic")).containsExactlyInAnyOrder(UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS,
                ACCEPTED_STG_ORDERS, UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SOURCE_TEST);
        assertThat(direct(m, "test_type:schema")).isEqualTo(direct(m, "test_type:generic"));
        assertThat(direct(m, "test_type:unit")).containsExactly(UNIT);
        assertThat(direct(m, "test_type:data")).hasSize(8).contains(SINGULAR, RELATIONSHIPS).doesNotContain(UNIT);
        assertThatThrownBy(() -> direct(m, "test_type:fancy"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid test type selector \"fancy\"")
                .hasMessageContaining("\"generic\", \"singular\", \"unit\", or \"data\"");
    }

    @Test
    void groupUsesFnmatchAndAccessDefaultsToProtected() {
        assertThat(direct(m, "group:finance")).containsExactly(CUSTOMERS);
        assertThat(direct(m, "group:finance*")).containsExactlyInAnyOrder(CUSTOMERS, ORDERS);
        assertThat(direct(m, "access:public")).containsExactly(CUSTOMERS);
        assertThat(direct(m, "access:private")).containsExactly(ORDERS);
        assertThat(direct(m, "access:protected")).containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, UTIL);
    }

    @Test
    void exposureMetricAndFriendsMatchNothingButCheckTheirForm() {
        assertThat(direct(m, "exposure:*")).isEmpty();
        assertThat(direct(m, "metric:revenue")).isEmpty();
        assertThat(direct(m, "saved_query:jaffle_shop.weekly")).isEmpty();
        assertThatThrownBy(() -> direct(m, "exposure:a.b.c"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid exposure selector value \"a.b.c\"")
                .hasMessageContaining("exposure:<package_name>.<exposure_name>");
    }

    @Test
    void unitTestByNamePackageAndModel() {
        assertThat(direct(m, "unit_test:test_customers_count")).containsExactly(UNIT);
        assertThat(direct(m, "unit_test:jaffle_shop.test_*")).containsExactly(UNIT);
        assertThat(direct(m, "unit_test:jaffle_shop.customers.*")).containsExactly(UNIT);
        assertThat(direct(m, "unit_test:jaffle_shop.orders.*")).isEmpty();
        assertThat(direct(m, "unit_test:*")).containsExactly(UNIT);
    }

    @Test
    void versionSelectsLatestPrereleaseOldAndNone() {
        Node v1 = Fixtures.model("dim_customers").folder("marts").fqn(PKG, "marts", "dim_customers", "v1")
                .uniqueId("model.jaffle_shop.dim_customers.v1").version(1L, 2L).build();
        Node v2 = Fixtures.model("dim_customers").folder("marts").fqn(PKG, "marts", "dim_customers", "v2")
                .uniqueId("model.jaffle_shop.dim_customers.v2").version(2L, 2L).build();
        Node v3 = Fixtures.model("dim_customers").folder("marts").fqn(PKG, "marts", "dim_customers", "v3")
                .uniqueId("model.jaffle_shop.dim_customers.v3").version(3L, 2L).build();
        Node plain = Fixtures.model("plain").build();
        Manifest versions = Fixtures.manifest(List.of(v1, v2, v3, plain), List.of());

        assertThat(direct(versions, "version:latest")).containsExactly(v2.uniqueId());
        assertThat(direct(versions, "version:prerelease")).containsExactly(v3.uniqueId());
        assertThat(direct(versions, "version:old")).containsExactly(v1.uniqueId());
        assertThat(direct(versions, "version:none")).containsExactly(plain.uniqueId());
        // versioned names: the model name, name.vN and name_vN
        assertThat(direct(versions, "dim_customers")).containsExactly(v1.uniqueId(), v2.uniqueId(), v3.uniqueId());
        assertThat(direct(versions, "dim_customers.v2")).containsExactly(v2.uniqueId());
        assertThat(direct(versions, "dim_customers_v3")).containsExactly(v3.uniqueId());
        assertThatThrownBy(() -> direct(versions, "version:newest"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("\"latest\", \"prerelease\", \"old\", or \"none\"");
    }

    @Test
    void stateResultAndSourceStatusAreNotSupportedYet() {
        assertThatThrownBy(() -> direct(m, "state:modified+"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("The 'state:' selector method in 'state:modified+' is not supported yet")
                .satisfies(e -> assertThat(((SlipwayException) e).code()).isEqualTo(ErrorCode.SELECTOR_INVALID));
        assertThatThrownBy(() -> direct(m, "result:error")).hasMessageContaining("'result:'");
        assertThatThrownBy(() -> direct(m, "source_status:fresher")).hasMessageContaining("'source_status:'");
    }

    @Test
    void aRegisteredMethodReplacesTheUnsupportedOne() {
        SelectorMethod fake = (context, candidates, criteria) ->
                criteria.valueString().equals("modified") ? java.util.Set.of(STG_ORDERS) : java.util.Set.of();
        NodeSelector selector = NodeSelector.builder(m).method(MethodName.STATE, fake).build();
        assertThat(selector.select(Select.spec(List.of("state:modified+"), List.of(), IndirectSelection.EMPTY)))
                .containsExactlyInAnyOrder(STG_ORDERS, CUSTOMERS, ORDERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS,
                        UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SINGULAR, UNIT);
    }

    @Test
    void customMethodsSeeTheGraphTheManifestAndAMemo() {
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        SelectorMethod parentsOf = (context, candidates, criteria) -> {
            context.memo("test.counter", computed::incrementAndGet);
            assertThat(context.rootProject()).isEqualTo(PKG);
            assertThat(context.projectDir()).isNull();
            assertThat(context.manifest()).isSameAs(m);
            return new java.util.LinkedHashSet<>(context.graph().parents("model.jaffle_shop." + criteria.valueString()));
        };
        NodeSelector selector = NodeSelector.builder(m).method(MethodName.RESULT, parentsOf).build();
        assertThat(selector.select(Select.spec(List.of("result:orders"), List.of(), IndirectSelection.EMPTY)))
                .containsExactly(STG_ORDERS, STG_PAYMENTS);
        assertThat(selector.select(Select.spec(List.of("result:customers"), List.of(), IndirectSelection.EMPTY)))
                .containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
        assertThat(computed.get()).isEqualTo(1);
        // ids a method returns that are not enabled members are dropped
        NodeSelector disabled = NodeSelector.builder(m)
                .method(MethodName.RESULT, (context, candidates, criteria) -> java.util.Set.of(DISABLED, "model.x.nope")).build();
        assertThat(disabled.select(Select.spec(List.of("result:x"), List.of(), IndirectSelection.EMPTY))).isEmpty();
    }

    @Test
    void methodArgumentsAreParsedFromDottedNames() {
        SelectionCriteria c = SelectorParser.parseCriterion("config.meta.owner:ana", null);
        assertThat(c.method()).isEqualTo(MethodName.CONFIG);
        assertThat(c.arguments()).containsExactly("meta", "owner");
        assertThat(c.value()).isEqualTo("ana");
    }

    @Test
    void resourceTypeFilterKeepsOnlyACommandsTypes() {
        NodeSelector runSelector = NodeSelector.builder(m).resourceTypes(java.util.Set.of(ResourceType.MODEL)).build();
        assertThat(runSelector.select(Select.spec(List.of("+customers"), List.of(), IndirectSelection.EAGER)))
                .containsExactlyInAnyOrder(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS);
    }

    @Test
    void emptyNodesAreDroppedUnlessAsked() {
        assertThat(direct(m, "empty_model")).isEmpty();
        NodeSelector ls = NodeSelector.builder(m).includeEmptyNodes(true).build();
        assertThat(ls.select(Select.spec(List.of("empty_model"), List.of(), IndirectSelection.EMPTY))).containsExactly(EMPTY_MODEL);
    }

    @Test
    void configValuesFromYamlCompareByType() {
        Node limited = Fixtures.model("limited").config("limit", 5L).config("enabled", true).build();
        Manifest one = Fixtures.manifest(List.of(limited), List.of());
        NodeSelector selector = new NodeSelector(one);
        // a command-line value is text: "5" is not 5, as in dbt
        assertThat(direct(one, "config.limit:5")).isEmpty();
        // a YAML selector value keeps its type
        SelectionCriteria yamlValue = new SelectionCriteria("config.limit:5", MethodName.CONFIG, List.of("limit"), 5L,
                false, false, null, false, null, IndirectSelection.EMPTY);
        assertThat(selector.evaluate(yamlValue, IndirectSelection.EMPTY).selected()).containsExactly(limited.uniqueId());
        SelectionCriteria yamlTrue = new SelectionCriteria("config.enabled:True", MethodName.CONFIG, List.of("enabled"), true,
                false, false, null, false, null, IndirectSelection.EMPTY);
        assertThat(selector.evaluate(yamlTrue, IndirectSelection.EMPTY).selected()).containsExactly(limited.uniqueId());
    }
}

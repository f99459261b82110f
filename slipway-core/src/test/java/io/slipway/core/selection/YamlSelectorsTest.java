package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.project.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.slipway.core.selection.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlSelectorsTest {
    private final Manifest m = Fixtures.jaffle();

    private static YamlSelectors yaml(String text) {
        return YamlSelectors.parse(Yaml.parse(text, "selectors.yml"), "selectors.yml");
    }

    private Set<String> run(YamlSelectors selectors, String name, IndirectSelection mode) {
        return new NodeSelector(m, selectors, null).select(new SelectionSpec(List.of(), List.of(), name, mode));
    }

    private Set<String> run(String text, String name) {
        return run(yaml(text), name, IndirectSelection.EMPTY);
    }

    private static void assertInvalid(String text, String... messageParts) {
        assertThatThrownBy(() -> yaml(text))
                .isInstanceOf(SlipwayException.class)
                .satisfies(e -> {
                    SlipwayException s = (SlipwayException) e;
                    assertThat(s.code()).isEqualTo(ErrorCode.SELECTOR_INVALID);
                    assertThat(s.file()).isEqualTo("selectors.yml");
                    for (String part : messageParts) {
                        assertThat(s.getMessage()).contains(part);
                    }
                });
    }

    @Test
    void stringDefinitionIsOneCriterionWithGraphOperators() {
        String text = """
                selectors:
                  - name: marts_upstream
                    description: everything the marts need
                    definition: '1+tag:marts'
                """;
        YamlSelectors selectors = yaml(text);
        assertThat(selectors.get("marts_upstream").description()).isEqualTo("everything the marts need");
        assertThat(run(text, "marts_upstream")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS, ORDERS);
    }

    @Test
    void aStringIsNotSplitOnSpacesOrCommas() {
        String text = """
                selectors:
                  - name: two
                    definition: 'stg_orders stg_customers'
                """;
        assertThat(run(text, "two")).isEmpty();
    }

    @Test
    void oneKeyMappingIsMethodAndValue() {
        String text = """
                selectors:
                  - name: nightly
                    definition:
                      tag: nightly
                  - name: tables
                    definition:
                      config.materialized: table
                """;
        assertThat(run(text, "nightly")).containsExactly(ORDERS);
        assertThat(run(text, "tables")).containsExactly(CUSTOMERS);
    }

    @Test
    void fullMappingWithGraphKeysAndExclude() {
        String text = """
                selectors:
                  - name: around_orders
                    definition:
                      method: fqn
                      value: stg_orders
                      parents: true
                      children: true
                      children_depth: 1
                      exclude:
                        - customers
                  - name: at_payments
                    definition:
                      method: fqn
                      value: stg_payments
                      childrens_parents: true
                  - name: parents_two
                    definition:
                      method: tag
                      value: marts
                      parents: true
                      parents_depth: "1"
                """;
        assertThat(run(text, "around_orders")).containsExactly(RAW_ORDERS, STG_ORDERS, ORDERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(run(text, "at_payments")).contains(STG_CUSTOMERS, RAW_CUSTOMERS, CUSTOMERS, ORDERS).doesNotContain(NOT_NULL_STG_ORDERS);
        assertThat(run(text, "parents_two")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, CUSTOMERS, ORDERS);
    }

    @Test
    void depthZeroInYamlMeansUnlimitedAsInDbt() {
        String text = """
                selectors:
                  - name: all_up
                    definition: {method: fqn, value: customers, parents: true, parents_depth: 0}
                """;
        assertThat(run(text, "all_up")).contains(RAW_CUSTOMERS, RAW_PAYMENTS);
    }

    @Test
    void unionAndIntersectionWithOneExcludeEach() {
        String text = """
                selectors:
                  - name: staging_models
                    definition:
                      union:
                        - tag:staging
                        - method: source
                          value: ecom
                        - exclude:
                            - resource_type:test
                            - stg_payments
                  - name: marts_tables
                    definition:
                      intersection:
                        - tag:marts
                        - union:
                            - config.materialized:table
                            - config.materialized:incremental
                        - exclude:
                            - orders
                """;
        assertThat(run(text, "staging_models")).containsExactly(STG_CUSTOMERS, STG_ORDERS, RAW_PAYMENTS);
        assertThat(run(text, "marts_tables")).containsExactly(CUSTOMERS);
    }

    @Test
    void methodSelectorReusesASelectorDefinedAbove() {
        String text = """
                selectors:
                  - name: nightly
                    definition: 'tag:nightly'
                  - name: nightly_and_customers
                    definition:
                      union:
                        - method: selector
                          value: nightly
                        - customers
                """;
        assertThat(run(text, "nightly_and_customers")).containsExactly(CUSTOMERS, ORDERS);
    }

    @Test
    void methodSelectorCannotReuseASelectorDefinedBelow() {
        assertInvalid("""
                selectors:
                  - name: first
                    definition:
                      method: selector
                      value: second
                  - name: second
                    definition: 'tag:nightly'
                """, "selector 'first' reuses selector 'second', which is not defined above it");
    }

    @Test
    void selectorMethodReferencesAnySelectorAndTakesGraphOperators() {
        String text = """
                selectors:
                  - name: upstream_of_nightly
                    definition: '+selector:nightly'
                  - name: short_form
                    definition:
                      selector: nightly
                  - name: nightly
                    definition: 'tag:nightly'
                """;
        assertThat(run(text, "upstream_of_nightly")).containsExactly(RAW_ORDERS, STG_ORDERS, STG_PAYMENTS, ORDERS, RAW_PAYMENTS);
        assertThat(run(text, "short_form")).containsExactly(ORDERS);
        // and on the command line
        NodeSelector selector = new NodeSelector(m, yaml(text), null);
        assertThat(selector.select(new SelectionSpec(List.of("selector:nightly+1"), List.of(), null, IndirectSelection.EMPTY)))
                .containsExactly(ORDERS, RELATIONSHIPS, EXPRESSION, SINGULAR);
    }

    @Test
    void referencedSelectorKeepsItsOwnExclusions() {
        String text = """
                selectors:
                  - name: orders_no_singular
                    definition:
                      union:
                        - orders
                        - exclude:
                            - test_type:singular
                  - name: reuse
                    definition: 'selector:orders_no_singular'
                """;
        assertThat(run(yaml(text), "reuse", IndirectSelection.EAGER)).containsExactly(ORDERS, RELATIONSHIPS, EXPRESSION);
    }

    @Test
    void unknownSelectorReferenceIsALoadError() {
        assertInvalid("""
                selectors:
                  - name: a
                    definition: 'selector:nightlly'
                  - name: nightly
                    definition: 'tag:nightly'
                """, "selector 'a' uses 'selector:nightlly' but there is no selector named 'nightlly'", "Did you mean 'nightly'");
    }

    @Test
    void selectorCyclesAreReported() {
        YamlSelectors selectors = yaml("""
                selectors:
                  - name: a
                    definition: 'selector:b'
                  - name: b
                    definition:
                      union: ['selector:a', 'orders']
                """);
        assertThatThrownBy(() -> run(selectors, "a", IndirectSelection.EAGER))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Selector 'a' refers to itself through a -> b -> a");
    }

    @Test
    void defaultSelectorIsUsedOnlyWithoutSelectExcludeOrSelector() {
        YamlSelectors selectors = yaml("""
                selectors:
                  - name: nightly
                    definition: 'tag:nightly'
                    default: true
                  - name: staging
                    definition:
                      intersection: ['tag:staging', 'resource_type:model']
                """);
        assertThat(selectors.defaultSelector()).isEqualTo("nightly");
        NodeSelector selector = new NodeSelector(m, selectors, null);
        SelectionResult plain = selector.evaluate(new SelectionSpec(List.of(), List.of(), null, IndirectSelection.EMPTY));
        assertThat(plain.selected()).containsExactly(ORDERS);
        assertThat(plain.defaultSelector()).isEqualTo("nightly");
        SelectionResult withSelect = selector.evaluate(new SelectionSpec(List.of("customers"), List.of(), null, IndirectSelection.EMPTY));
        assertThat(withSelect.selected()).containsExactly(CUSTOMERS);
        assertThat(withSelect.defaultSelector()).isNull();
        SelectionResult withExclude = selector.evaluate(new SelectionSpec(List.of(), List.of("tag:staging"), null, IndirectSelection.EMPTY));
        assertThat(withExclude.selected()).contains(CUSTOMERS, RAW_PAYMENTS).doesNotContain(STG_ORDERS);
        SelectionResult named = selector.evaluate(new SelectionSpec(List.of(), List.of(), "staging", IndirectSelection.EMPTY));
        assertThat(named.selected()).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
    }

    @Test
    void selectorWinsOverSelectWithAWarning() {
        YamlSelectors selectors = yaml("""
                selectors:
                  - name: nightly
                    definition: 'tag:nightly'
                """);
        SelectionResult r = new NodeSelector(m, selectors, null)
                .evaluate(new SelectionSpec(List.of("customers"), List.of(), "nightly", IndirectSelection.EMPTY));
        assertThat(r.selected()).containsExactly(ORDERS);
        assertThat(r.warnings()).containsExactly("--selector nightly is given, so --select and --exclude are ignored");
    }

    @Test
    void unknownSelectorNameListsTheOthers() {
        YamlSelectors selectors = yaml("""
                selectors:
                  - name: nightly
                    definition: 'tag:nightly'
                """);
        assertThatThrownBy(() -> run(selectors, "nigthly", IndirectSelection.EAGER))
                .isInstanceOf(SlipwayException.class)
                .hasMessage("Could not find selector named 'nigthly'. Did you mean 'nightly'? Selectors in selectors.yml: nightly.");
        assertThatThrownBy(() -> run(YamlSelectors.empty(), "nightly", IndirectSelection.EAGER))
                .hasMessageContaining("the project has no selectors (define them in selectors.yml at the project root)");
    }

    @Test
    void perCriterionIndirectSelectionOverridesTheFlag() {
        String text = """
                selectors:
                  - name: orders_cautious
                    definition:
                      method: fqn
                      value: orders
                      indirect_selection: cautious
                  - name: orders_flag
                    definition: orders
                """;
        YamlSelectors selectors = yaml(text);
        assertThat(run(selectors, "orders_cautious", IndirectSelection.EAGER)).containsExactly(ORDERS, EXPRESSION, SINGULAR);
        assertThat(run(selectors, "orders_flag", IndirectSelection.EAGER)).containsExactly(ORDERS, RELATIONSHIPS, EXPRESSION, SINGULAR);
        assertThat(run(selectors, "orders_flag", IndirectSelection.EMPTY)).containsExactly(ORDERS);
    }

    @Test
    void defaultAcceptsRenderedStrings() {
        YamlSelectors selectors = yaml("""
                selectors:
                  - name: a
                    definition: 'tag:nightly'
                    default: 'True'
                  - name: b
                    definition: 'tag:daily'
                    default: 'false'
                """);
        assertThat(selectors.defaultSelector()).isEqualTo("a");
        assertThat(selectors.get("b").isDefault()).isFalse();
        assertInvalid("""
                selectors:
                  - name: a
                    definition: 'tag:nightly'
                    default: "{{ target.name == 'dev' }}"
                """, "selector 'a': 'default' must be true or false", "must be rendered before the file is loaded");
    }

    @Test
    void onlyOneDefault() {
        assertInvalid("""
                selectors:
                  - name: a
                    definition: 'tag:nightly'
                    default: true
                  - name: b
                    definition: 'tag:daily'
                    default: true
                """, "found multiple selectors with `default: true`: 'a' and 'b'");
    }

    @Test
    void fileShapeErrors() {
        assertInvalid("- a\n- b\n", "the file must be a mapping with a 'selectors:' list");
        assertInvalid("version: 2\n", "it has no 'selectors:' key");
        assertInvalid("selectors: nightly\n", "'selectors' must be a list of {name, definition} entries");
        assertInvalid("selectors:\n  - definition: 'tag:x'\n", "selector #1 needs a 'name'");
        assertInvalid("selectors:\n  - nightly\n", "selector #1 must be a mapping with 'name' and 'definition'");
        assertInvalid("selectors:\n  - name: a\n", "selector 'a' has no 'definition'; write e.g. definition: 'tag:nightly'");
        assertInvalid("selectors:\n  - name: a\n    definition: ['tag:x']\n", "no lists at the top level");
        assertInvalid("selectors:\n  - name: a\n    description: 5\n    definition: x\n", "'description' must be a string");
    }

    @Test
    void definitionErrors() {
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      union: 'tag:x'
                """, "selector 'a': the value of 'union' must be a list");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      union: ['tag:x', 5]
                """, "invalid item in 'union': expected a mapping or a string, got a number: 5");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      union:
                        - tag:x
                        - exclude: [tag:y]
                        - exclude: [tag:z]
                """, "you cannot provide multiple exclude arguments to the same union");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      union: [tag:x]
                      intersection: [tag:y]
                """, "only a single 'union' or 'intersection' key is allowed in a root level definition; found union,intersection");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      method: tag
                """, "a definition with 'method' needs both 'method' and 'value'");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      tag: x
                      parents: true
                """, "expected either 1 key ({tag: nightly}) or else 'method' and 'value' keys, but got [tag, parents]");
        assertInvalid("""
                selectors:
                  - name: a
                    definition:
                      tags: nightly
                """, "selector 'a': 'tags' is not a valid method name", "Did you mean 'tag'");
        assertInvalid("""
                selectors:
                  - name: a
                    definition: {method: tag, value: x, indirect_selection: sometimes}
                """, "selector 'a': Invalid indirect selection 'sometimes'");
        assertInvalid("""
                selectors:
                  - name: a
                    definition: {method: tag, value: x, parents: true, parents_depth: two}
                """, "selector 'a': Invalid selector 'two+tag:x': could not handle the depth two");
        assertInvalid("""
                selectors:
                  - name: a
                    definition: {method: tag, value: x, children: true, childrens_parents: true}
                """, "'childrens_parents' and 'children' cannot be combined in '@tag:x+'");
        assertInvalid("""
                selectors:
                  - name: a
                    definition: '@tag:x+'
                """, "selector 'a': Invalid selector '@tag:x+'");
    }

    @Test
    void likelyMistakesAreWarnings() {
        YamlSelectors selectors = yaml("""
                version: 2
                extra: 1
                selectors:
                  - name: a
                    definition: {method: tag, value: x, parent: true}
                    defualt: true
                  - name: a
                    definition: 'tag:y'
                """);
        assertThat(selectors.warnings()).containsExactly(
                "selectors.yml: top-level key 'extra' is not used (only 'selectors' and 'version' are)",
                "selectors.yml: selector 'a': key 'defualt' is not used (a selector has name, description, default and definition) "
                        + "Did you mean 'default'?",
                "selectors.yml: selector 'a': key 'parent' is not a selector key and is ignored. Did you mean 'parents'?",
                "selectors.yml: selector 'a' is defined more than once; the last one is used");
        assertThat(selectors.defaultSelector()).isNull();
        assertThat(((SelectionCriteria) selectors.get("a").definition()).valueString()).isEqualTo("y");
    }

    @Test
    void loadsSelectorsYmlFromTheProjectDirectory(@TempDir Path dir) throws IOException {
        assertThat(YamlSelectors.load(dir).selectors()).isEmpty();
        Files.writeString(dir.resolve("selectors.yml"), "selectors:\n  - name: n\n    definition: 'tag:nightly'\n");
        YamlSelectors loaded = YamlSelectors.load(dir);
        assertThat(loaded.selectors()).containsOnlyKeys("n");
        assertThat(run(loaded, "n", IndirectSelection.EMPTY)).containsExactly(ORDERS);
        Files.writeString(dir.resolve("selectors.yml"), "");
        assertThat(YamlSelectors.load(dir).selectors()).isEmpty();
        Files.writeString(dir.resolve("selectors.yml"), "selectors: [\n");
        assertThatThrownBy(() -> YamlSelectors.load(dir))
                .isInstanceOf(SlipwayException.class)
                .satisfies(e -> assertThat(((SlipwayException) e).code()).isEqualTo(ErrorCode.YAML_INVALID));
    }

    @Test
    void nonStringValuesKeepTheirYamlType() {
        String text = """
                selectors:
                  - name: enforced
                    definition:
                      config.contract.enforced: true
                """;
        assertThat(run(text, "enforced")).containsExactly(ORDERS);
    }
}

package io.slipway.core.selection;

import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.TestMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.slipway.core.selection.Fixtures.*;
import static io.slipway.core.selection.Select.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndirectSelectionTest {
    private final Manifest m = Fixtures.jaffle();

    // a small graph where the modes differ: seed a -> b -> c, x alone, source s
    private static final String A = "seed.jaffle_shop.a";
    private static final String B = "model.jaffle_shop.b";
    private static final String C = "model.jaffle_shop.c";
    private static final String X = "model.jaffle_shop.x";
    private static final String S = "source.jaffle_shop.src.s";
    private static final String T_C = "test.jaffle_shop.t_c.1";
    private static final String T_BC = "test.jaffle_shop.t_bc.2";
    private static final String T_CX = "test.jaffle_shop.t_cx.3";
    private static final String T_SC = "test.jaffle_shop.t_sc.4";

    private static Manifest chain() {
        Node a = Fixtures.seed("a", "seeds/a.csv");
        Node b = Fixtures.model("b").deps(A).build();
        Node c = Fixtures.model("c").deps(B).build();
        Node x = Fixtures.model("x").build();
        SourceDefinition s = Fixtures.source("src", "s", "models/sources.yml", List.of(), Map.of());
        return Fixtures.manifest(List.of(a, b, c, x,
                test(T_C, C), test(T_BC, B, C), test(T_CX, C, X), test(T_SC, S, C)), List.of(s));
    }

    private static Node test(String id, String... deps) {
        return new Fixtures.NodeBuilder(ResourceType.TEST, PKG, Fixtures.name(id), "models/schema.yml").uniqueId(id)
                .test(new TestMetadata("relationships", Map.of(), null)).deps(deps).raw("{{ test() }}").build();
    }

    private static Set<String> select(Manifest manifest, IndirectSelection mode, String... select) {
        return result(manifest, List.of(select), List.of(), mode).selected();
    }

    @Test
    void eagerAddsEveryTestTouchingTheSelection() {
        assertThat(select(m, IndirectSelection.EAGER, "stg_orders")).containsExactly(STG_ORDERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(select(m, IndirectSelection.EAGER, "orders")).containsExactly(ORDERS, RELATIONSHIPS, EXPRESSION, SINGULAR);
        assertThat(select(chain(), IndirectSelection.EAGER, "c")).containsExactlyInAnyOrder(C, T_C, T_BC, T_CX, T_SC);
    }

    @Test
    void cautiousAddsOnlyTestsWhoseParentsAreAllSelected() {
        assertThat(select(m, IndirectSelection.CAUTIOUS, "orders")).containsExactly(ORDERS, EXPRESSION, SINGULAR);
        assertThat(select(chain(), IndirectSelection.CAUTIOUS, "c")).containsExactly(C, T_C);
        assertThat(select(chain(), IndirectSelection.CAUTIOUS, "+c")).containsExactlyInAnyOrder(A, B, C, T_C, T_BC);
    }

    @Test
    void cautiousReconsidersPendingTestsOnceTheUnionIsKnown() {
        // neither criterion alone has both parents of the relationships test; their union does
        assertThat(select(m, IndirectSelection.CAUTIOUS, "orders customers")).containsExactly(CUSTOMERS, ORDERS,
                UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SINGULAR, UNIT);
        assertThat(select(m, IndirectSelection.CAUTIOUS, "orders", "customers")).contains(RELATIONSHIPS);
        // an intersection that keeps only one parent does not
        assertThat(select(m, IndirectSelection.CAUTIOUS, "orders,tag:marts")).containsExactly(ORDERS, EXPRESSION, SINGULAR);
    }

    @Test
    void buildableAlsoAcceptsParentsThatAreAncestorsOrSources() {
        assertThat(select(chain(), IndirectSelection.BUILDABLE, "c")).containsExactlyInAnyOrder(C, T_C, T_BC, T_SC);
        assertThat(select(m, IndirectSelection.BUILDABLE, "orders")).containsExactly(ORDERS, EXPRESSION, SINGULAR);
    }

    @Test
    void emptyAddsNoTests() {
        assertThat(select(chain(), IndirectSelection.EMPTY, "c")).containsExactly(C);
        assertThat(select(m, IndirectSelection.EMPTY, "orders customers")).containsExactly(CUSTOMERS, ORDERS);
    }

    @Test
    void testsSelectedDirectlyAreKeptInEveryMode() {
        for (IndirectSelection mode : IndirectSelection.values()) {
            assertThat(select(m, mode, "test_name:relationships")).as(mode.name()).containsExactly(RELATIONSHIPS);
            assertThat(select(m, mode, "orders test_type:singular")).as(mode.name()).contains(ORDERS, SINGULAR);
        }
    }

    @Test
    void excludingANodeAlsoExcludesItsTests() {
        SelectionResult r = result(m, List.of("stg_orders+"), List.of("orders"), IndirectSelection.EAGER);
        assertThat(r.selected()).containsExactly(STG_ORDERS, CUSTOMERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS,
                UNIQUE_CUSTOMERS, UNIT);
        assertThat(r.selected()).doesNotContain(RELATIONSHIPS, EXPRESSION, SINGULAR);
    }

    @Test
    void excludingATestKeepsItsModel() {
        SelectionResult r = result(m, List.of("orders"), List.of("test_name:relationships"), IndirectSelection.EAGER);
        assertThat(r.selected()).containsExactly(ORDERS, EXPRESSION, SINGULAR);
    }

    @Test
    void graphOperatorsExpandBeforeTestsAreAdded() {
        assertThat(select(m, IndirectSelection.EAGER, "+stg_orders")).containsExactly(RAW_ORDERS, STG_ORDERS,
                NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(select(m, IndirectSelection.EAGER, "source:ecom")).containsExactly(SOURCE_TEST, RAW_PAYMENTS);
    }

    @Test
    void unitTestsAreSelectedIndirectly() {
        assertThat(select(m, IndirectSelection.CAUTIOUS, "customers")).containsExactly(CUSTOMERS, UNIQUE_CUSTOMERS, UNIT);
    }

    @Test
    void modesParseFromTheirNames() {
        assertThat(IndirectSelection.parse("Cautious")).isEqualTo(IndirectSelection.CAUTIOUS);
        assertThat(IndirectSelection.parse(" buildable ")).isEqualTo(IndirectSelection.BUILDABLE);
        assertThat(IndirectSelection.EMPTY.dbtName()).isEqualTo("empty");
        assertThatThrownBy(() -> IndirectSelection.parse("lazy"))
                .isInstanceOf(SlipwayException.class)
                .hasMessage("Invalid indirect selection 'lazy': expected one of eager, cautious, buildable, empty");
    }
}

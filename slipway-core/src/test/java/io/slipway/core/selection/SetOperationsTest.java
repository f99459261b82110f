package io.slipway.core.selection;

import io.slipway.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slipway.core.selection.Fixtures.*;
import static io.slipway.core.selection.Select.direct;
import static io.slipway.core.selection.Select.result;
import static org.assertj.core.api.Assertions.assertThat;

class SetOperationsTest {
    private final Manifest m = Fixtures.jaffle();

    @Test
    void spaceIsUnion() {
        assertThat(direct(m, "stg_orders stg_customers")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
        assertThat(direct(m, "  stg_orders \t stg_customers ")).containsExactly(STG_CUSTOMERS, STG_ORDERS);
    }

    @Test
    void severalSelectArgumentsAreAUnion() {
        assertThat(direct(m, "stg_orders", "customers orders")).containsExactly(STG_ORDERS, CUSTOMERS, ORDERS);
    }

    @Test
    void commaIsIntersection() {
        assertThat(direct(m, "tag:staging,config.materialized:view")).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
        assertThat(direct(m, "tag:marts,tag:nightly")).containsExactly(ORDERS);
        assertThat(direct(m, "+customers,+orders")).containsExactlyInAnyOrder(STG_ORDERS, STG_PAYMENTS, RAW_ORDERS, RAW_PAYMENTS);
        assertThat(direct(m, "tag:marts,tag:nightly stg_orders")).containsExactly(STG_ORDERS, ORDERS);
    }

    @Test
    void excludeIsSubtractedFromTheUnion() {
        SelectionResult r = result(m, List.of("tag:staging"), List.of("stg_orders"), IndirectSelection.EMPTY);
        assertThat(r.selected()).containsExactly(STG_CUSTOMERS, STG_PAYMENTS, UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS,
                ACCEPTED_STG_ORDERS);
        SelectionResult graph = result(m, List.of("+customers"), List.of("source:* tag:staging"), IndirectSelection.EMPTY);
        assertThat(graph.selected()).containsExactly(RAW_CUSTOMERS, RAW_ORDERS, CUSTOMERS);
        SelectionResult intersected = result(m, List.of("staging"), List.of("tag:staging,resource_type:test"), IndirectSelection.EMPTY);
        assertThat(intersected.selected()).containsExactly(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS, SOURCE_TEST);
    }

    @Test
    void noSelectMeansEveryEnabledNodeAndSource() {
        SelectionResult all = result(m, List.of(), List.of(), IndirectSelection.EAGER);
        assertThat(all.selected()).hasSize(18).contains(RAW_PAYMENTS, UTIL, UNIT, SINGULAR)
                .doesNotContain(DISABLED, EMPTY_MODEL);
        assertThat(all.warnings()).isEmpty();
        SelectionResult allButStaging = result(m, List.of(), List.of("tag:staging"), IndirectSelection.EMPTY);
        assertThat(allButStaging.selected()).hasSize(12).doesNotContain(STG_ORDERS, NOT_NULL_STG_ORDERS);
    }

    @Test
    void resultIsInManifestOrderWithSourcesLast() {
        assertThat(direct(m, "orders source:ecom.raw_payments+1 raw_customers")).containsExactly(RAW_CUSTOMERS, STG_PAYMENTS, ORDERS,
                SOURCE_TEST, RAW_PAYMENTS);
    }

    @Test
    void criteriaThatMatchNothingWarnAsDbtDoes() {
        SelectionResult r = result(m, List.of("stg_orders nope", "tag:staging,tag:marts"), List.of("gone"), IndirectSelection.EAGER);
        assertThat(r.selected()).containsExactly(STG_ORDERS, NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(r.warnings()).containsExactly(
                "The selection criterion 'nope' does not match any enabled nodes",
                "The selection criterion 'tag:staging,tag:marts' does not match any enabled nodes",
                "The selection criterion 'gone' does not match any enabled nodes");
    }

    @Test
    void selectingOnlyDisabledNodesWarns() {
        SelectionResult r = result(m, List.of("old_model"), List.of(), IndirectSelection.EAGER);
        assertThat(r.selected()).isEmpty();
        assertThat(r.warnings()).containsExactly("The selection criterion 'old_model' does not match any enabled nodes");
    }

    @Test
    void emptyPartsSelectNothing() {
        SelectionResult trailingComma = result(m, List.of("stg_orders,"), List.of(), IndirectSelection.EMPTY);
        assertThat(trailingComma.selected()).isEmpty();
        assertThat(trailingComma.warnings()).containsExactly("The selection criterion 'stg_orders,' does not match any enabled nodes");
        SelectionResult blank = result(m, List.of(" "), List.of(), IndirectSelection.EMPTY);
        assertThat(blank.selected()).isEmpty();
        assertThat(blank.warnings()).containsExactly("The selection criterion '' does not match any enabled nodes");
    }
}

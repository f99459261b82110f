package io.slipway.core.selection;

import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Manifest;
import org.junit.jupiter.api.Test;

import static io.slipway.core.selection.Fixtures.*;
import static io.slipway.core.selection.Select.direct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graph operators, looked at without indirect test selection. */
class GraphOperatorsTest {
    private final Manifest m = Fixtures.jaffle();

    @Test
    void plusBeforeSelectsAllAncestorsIncludingSources() {
        assertThat(direct(m, "+customers")).containsExactlyInAnyOrder(CUSTOMERS, STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                RAW_CUSTOMERS, RAW_ORDERS, RAW_PAYMENTS);
    }

    @Test
    void depthBeforeLimitsAncestors() {
        assertThat(direct(m, "1+customers")).containsExactlyInAnyOrder(CUSTOMERS, STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS);
        assertThat(direct(m, "2+customers")).containsExactlyInAnyOrder(CUSTOMERS, STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS,
                RAW_CUSTOMERS, RAW_ORDERS, RAW_PAYMENTS);
        assertThat(direct(m, "0+customers")).containsExactly(CUSTOMERS);
    }

    @Test
    void plusAfterSelectsAllDescendantsIncludingTestsButNotDisabledNodes() {
        assertThat(direct(m, "stg_orders+")).containsExactlyInAnyOrder(STG_ORDERS, CUSTOMERS, ORDERS, NOT_NULL_STG_ORDERS,
                ACCEPTED_STG_ORDERS, UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SINGULAR, UNIT);
        assertThat(direct(m, "stg_orders+")).doesNotContain(DISABLED);
    }

    @Test
    void depthAfterLimitsDescendants() {
        assertThat(direct(m, "stg_orders+1")).containsExactlyInAnyOrder(STG_ORDERS, CUSTOMERS, ORDERS, NOT_NULL_STG_ORDERS,
                ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "raw_orders+2")).containsExactlyInAnyOrder(RAW_ORDERS, STG_ORDERS, CUSTOMERS, ORDERS,
                NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
    }

    @Test
    void bothSidesWithDepths() {
        assertThat(direct(m, "1+stg_orders+1")).containsExactlyInAnyOrder(RAW_ORDERS, STG_ORDERS, CUSTOMERS, ORDERS,
                NOT_NULL_STG_ORDERS, ACCEPTED_STG_ORDERS);
        assertThat(direct(m, "+stg_payments+1")).containsExactlyInAnyOrder(RAW_PAYMENTS, STG_PAYMENTS, CUSTOMERS, ORDERS);
    }

    @Test
    void atSelectsDescendantsAndAllTheirAncestors() {
        assertThat(direct(m, "@stg_payments")).containsExactlyInAnyOrder(STG_PAYMENTS, RAW_PAYMENTS, CUSTOMERS, ORDERS,
                STG_CUSTOMERS, STG_ORDERS, RAW_CUSTOMERS, RAW_ORDERS, UNIQUE_CUSTOMERS, RELATIONSHIPS, EXPRESSION, SINGULAR, UNIT);
        // tests of the added ancestors are not descendants of stg_payments
        assertThat(direct(m, "@stg_payments")).doesNotContain(UNIQUE_STG_CUSTOMERS, NOT_NULL_STG_ORDERS, SOURCE_TEST);
    }

    @Test
    void atCombinesWithParentsButNotWithChildren() {
        assertThat(direct(m, "@+orders")).containsExactlyInAnyOrder(ORDERS, STG_ORDERS, STG_PAYMENTS, RAW_ORDERS, RAW_PAYMENTS,
                RELATIONSHIPS, EXPRESSION, SINGULAR, CUSTOMERS, STG_CUSTOMERS, RAW_CUSTOMERS);
        assertThatThrownBy(() -> direct(m, "@orders+"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid selector '@orders+'")
                .hasMessageContaining("\"@\" prefix and a \"+\" suffix cannot be combined")
                .hasMessageContaining("write '@orders' or 'orders+'");
    }

    @Test
    void operatorsApplyToAnyMethod() {
        assertThat(direct(m, "source:ecom+1")).containsExactlyInAnyOrder(RAW_PAYMENTS, STG_PAYMENTS, SOURCE_TEST);
        assertThat(direct(m, "+tag:nightly")).containsExactlyInAnyOrder(ORDERS, STG_ORDERS, STG_PAYMENTS, RAW_ORDERS, RAW_PAYMENTS);
        assertThat(direct(m, "1+path:models/marts/orders.sql")).containsExactlyInAnyOrder(ORDERS, STG_ORDERS, STG_PAYMENTS);
    }

    @Test
    void operatorsOnNothingSelectNothing() {
        assertThat(direct(m, "+no_such_model+")).isEmpty();
    }
}

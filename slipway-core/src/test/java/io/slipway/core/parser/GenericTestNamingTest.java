package io.slipway.core.parser;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Generic tests get dbt's names and unique ids, checked against manifests dbt-core wrote. */
class GenericTestNamingTest {
    private static Map<String, Object> kwargs(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void uniqueIdHashesMatchDbtCore() {
        // from dbt-core's tests/functional/artifacts/data/state/v12/manifest.json and defer_state/data/manifest.json
        assertThat(GenericTestFactory.idHash("not_null_my_model_id", null, "not_null",
                kwargs("column_name", "id", "model", "{{ get_where_subquery(ref('my_model')) }}"))).isEqualTo("43e0e9183a");
        assertThat(GenericTestFactory.idHash("check_nothing_my_model_", null, "check_nothing",
                kwargs("model", "{{ get_where_subquery(ref('my_model')) }}"))).isEqualTo("d5a5e66110");
        assertThat(GenericTestFactory.idHash("not_null_seed__a_", null, "not_null",
                kwargs("column_name", "\"a\"", "model", "{{ get_where_subquery(ref('seed')) }}"))).isEqualTo("6b59640cde");
        assertThat(GenericTestFactory.idHash("expression_is_true_seed_b_2", null, "expression_is_true",
                kwargs("expression", "b = 2", "model", "{{ get_where_subquery(ref('seed')) }}"))).isEqualTo("4e0babbea4");
        assertThat(GenericTestFactory.idHash("my_favorite_test", null, "not_null",
                kwargs("column_name", "id", "model", "{{ get_where_subquery(ref('model_with_lots_of_schema_configs')) }}")))
                .isEqualTo("b488d63233");
    }

    @Test
    void synthesizedNamesFollowDbt() {
        assertThat(GenericTestFactory.synthesize("not_null", "seed", kwargs("column_name", "\"a\"", "model", "x")))
                .containsExactly("not_null_seed__a_", "not_null_seed__a_");
        assertThat(GenericTestFactory.synthesize("check_nothing", "my_model", kwargs("model", "x")))
                .containsExactly("check_nothing_my_model_", "check_nothing_my_model_");
        assertThat(GenericTestFactory.synthesize("accepted_values", "orders",
                kwargs("column_name", "status", "values", List.of("placed", "shipped"), "model", "x"))[1])
                .isEqualTo("accepted_values_orders_status__placed__shipped");
        assertThat(GenericTestFactory.synthesize("relationships", "orders",
                kwargs("column_name", "customer_id", "to", "ref('customers')", "field", "id", "model", "x"))[1])
                .isEqualTo("relationships_orders_customer_id__id__ref_customers_");
    }

    @Test
    void longNamesAreShortenedWithAnMd5() {
        String[] names = GenericTestFactory.synthesize("source_relationships", "raw_orders",
                kwargs("column_name", "customer_id", "to", "ref('customers')", "field", "customer_id", "model", "x"));
        // as in dbt-core's tests/functional/schema_tests: the alias of this source test
        assertThat(names[1]).isEqualTo("source_relationships_raw_orders_customer_id__customer_id__ref_customers_");
        assertThat(names[0]).isEqualTo("source_relationships_raw_order_8c30d56dac3d54f4441e780eb728bb72");
    }
}

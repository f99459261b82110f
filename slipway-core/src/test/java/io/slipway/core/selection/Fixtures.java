package io.slipway.core.selection;

import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.TestMetadata;
import io.slipway.core.manifest.VersionInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built manifests shaped like jaffle_shop: seeds raw_*, staging models stg_*, marts customers and orders,
 * generic tests on them, a singular test, a source with a test, a package model, a disabled and an empty model.
 */
final class Fixtures {
    static final String PKG = "jaffle_shop";

    // seeds
    static final String RAW_CUSTOMERS = "seed.jaffle_shop.raw_customers";
    static final String RAW_ORDERS = "seed.jaffle_shop.raw_orders";
    // source
    static final String RAW_PAYMENTS = "source.jaffle_shop.ecom.raw_payments";
    // models
    static final String STG_CUSTOMERS = "model.jaffle_shop.stg_customers";
    static final String STG_ORDERS = "model.jaffle_shop.stg_orders";
    static final String STG_PAYMENTS = "model.jaffle_shop.stg_payments";
    static final String CUSTOMERS = "model.jaffle_shop.customers";
    static final String ORDERS = "model.jaffle_shop.orders";
    static final String UTIL = "model.dbt_utils.util_model";
    static final String DISABLED = "model.jaffle_shop.old_model";
    static final String EMPTY_MODEL = "model.jaffle_shop.empty_model";
    // tests
    static final String UNIQUE_STG_CUSTOMERS = "test.jaffle_shop.unique_stg_customers_customer_id.a1";
    static final String NOT_NULL_STG_ORDERS = "test.jaffle_shop.not_null_stg_orders_order_id.b2";
    static final String ACCEPTED_STG_ORDERS = "test.jaffle_shop.accepted_values_stg_orders_status.c3";
    static final String UNIQUE_CUSTOMERS = "test.jaffle_shop.unique_customers_customer_id.d4";
    static final String RELATIONSHIPS = "test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customers_.e5";
    static final String EXPRESSION = "test.jaffle_shop.dbt_utils_expression_is_true_orders_amount.f6";
    static final String SINGULAR = "test.jaffle_shop.assert_positive_total";
    static final String SOURCE_TEST = "test.jaffle_shop.source_not_null_ecom_raw_payments_id.g7";
    static final String UNIT = "unit_test.jaffle_shop.customers.test_customers_count";

    private Fixtures() {
    }

    /** The jaffle_shop-like manifest. */
    static Manifest jaffle() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(seed("raw_customers", "seeds/raw_customers.csv"));
        nodes.add(seed("raw_orders", "seeds/raw_orders.csv"));
        nodes.add(model("stg_customers").folder("staging").tags("staging").deps(RAW_CUSTOMERS)
                .patch("models/staging/schema.yml").build());
        nodes.add(model("stg_orders").folder("staging").tags("staging").deps(RAW_ORDERS)
                .patch("models/staging/schema.yml").build());
        nodes.add(model("stg_payments").folder("staging").tags("staging", "payments").deps(RAW_PAYMENTS)
                .patch("models/staging/schema.yml").build());
        nodes.add(model("customers").folder("marts").tags("marts", "daily").deps(STG_CUSTOMERS, STG_ORDERS, STG_PAYMENTS)
                .config("materialized", "table").config("group", "finance").config("access", "public")
                .config("meta", Map.of("owner", "ana", "contains_pii", true))
                .patch("models/schema.yml").build());
        nodes.add(model("orders").folder("marts").tags("marts", "nightly").deps(STG_ORDERS, STG_PAYMENTS)
                .config("materialized", "incremental").config("group", "finance_ops").config("access", "private")
                .config("on_schema_change", "append_new_columns")
                .config("grants", Map.of("select", List.of("reporter", "bi")))
                .config("contract", Map.of("enforced", true, "alias_types", true))
                .patch("models/schema.yml").build());
        nodes.add(new NodeBuilder(ResourceType.MODEL, "dbt_utils", "util_model", "models/util_model.sql").build());
        nodes.add(model("old_model").folder("legacy").config("enabled", false).deps(STG_ORDERS).build());
        nodes.add(model("empty_model").folder("staging").raw("  \n ").build());

        nodes.add(genericTest(UNIQUE_STG_CUSTOMERS, "unique", null, "models/staging/schema.yml", List.of("staging"), STG_CUSTOMERS));
        nodes.add(genericTest(NOT_NULL_STG_ORDERS, "not_null", null, "models/staging/schema.yml", List.of("staging"), STG_ORDERS));
        nodes.add(new NodeBuilder(ResourceType.TEST, PKG, name(ACCEPTED_STG_ORDERS), "models/staging/schema.yml")
                .fqn(PKG, "staging", name(ACCEPTED_STG_ORDERS)).uniqueId(ACCEPTED_STG_ORDERS).deps(STG_ORDERS)
                .test(new TestMetadata("accepted_values", Map.of("column_name", "status"), null))
                .config("severity", "warn").config("materialized", "test").tags("staging").raw("{{ test_accepted_values(**_dbt_generic_test_kwargs) }}")
                .build());
        nodes.add(genericTest(UNIQUE_CUSTOMERS, "unique", null, "models/schema.yml", List.of(), CUSTOMERS));
        nodes.add(genericTest(RELATIONSHIPS, "relationships", null, "models/schema.yml", List.of(), ORDERS, CUSTOMERS));
        nodes.add(genericTest(EXPRESSION, "expression_is_true", "dbt_utils", "models/schema.yml", List.of(), ORDERS));
        nodes.add(new NodeBuilder(ResourceType.TEST, PKG, "assert_positive_total", "tests/assert_positive_total.sql")
                .fqn(PKG, "assert_positive_total").uniqueId(SINGULAR).deps(ORDERS).config("materialized", "test")
                .config("severity", "ERROR").build());
        nodes.add(genericTest(SOURCE_TEST, "not_null", null, "models/staging/__sources.yml", List.of(), RAW_PAYMENTS));
        nodes.add(new NodeBuilder(ResourceType.UNIT_TEST, PKG, "test_customers_count", "models/marts/unit_tests.yml")
                .fqn(PKG, "marts", "customers", "test_customers_count").uniqueId(UNIT).deps(CUSTOMERS).build());

        SourceDefinition payments = source("ecom", "raw_payments", "models/staging/__sources.yml", List.of("raw", "pii"), Map.of());
        return manifest(nodes, List.of(payments));
    }

    static Manifest manifest(List<Node> nodes, List<SourceDefinition> sources) {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node node : nodes) {
            byId.put(node.uniqueId(), node);
        }
        Map<String, SourceDefinition> sourcesById = new LinkedHashMap<>();
        for (SourceDefinition source : sources) {
            sourcesById.put(source.uniqueId(), source);
        }
        return new Manifest(PKG, "duckdb", byId, sourcesById, Map.of(), Map.of());
    }

    static String name(String testId) {
        String[] parts = testId.split("\\.");
        return parts[2];
    }

    static NodeBuilder model(String name) {
        return new NodeBuilder(ResourceType.MODEL, PKG, name, null);
    }

    static Node seed(String name, String file) {
        return new NodeBuilder(ResourceType.SEED, PKG, name, file).config("materialized", "seed").raw("").build();
    }

    static Node genericTest(String id, String testName, String namespace, String yml, List<String> tags, String... deps) {
        String name = name(id);
        return new NodeBuilder(ResourceType.TEST, PKG, name, yml).uniqueId(id)
                .fqn(PKG, yml.startsWith("models/staging") ? "staging" : null, name)
                .test(new TestMetadata(testName, Map.of("column_name", "id"), namespace))
                .config("materialized", "test").config("severity", "ERROR").tags(tags.toArray(String[]::new))
                .raw("{{ test_" + testName + "(**_dbt_generic_test_kwargs) }}").deps(deps).build();
    }

    static SourceDefinition source(String sourceName, String table, String file, List<String> tags, Map<String, Object> config) {
        return new SourceDefinition("source." + PKG + "." + sourceName + "." + table, PKG, sourceName, table, table, "db", "main",
                "\"db\".\"main\".\"" + table + "\"", file, file, List.of(PKG, "staging", sourceName, table), "", "", "",
                Map.of(), Map.of(), Map.of(), tags, config, Map.of(), null, Map.of(), Map.of());
    }

    /** Builds a node with sensible defaults for whatever is not said. */
    static final class NodeBuilder {
        private final ResourceType type;
        private final String pkg;
        private final String name;
        private String file;
        private String uniqueId;
        private List<String> fqn;
        private final List<String> folders = new ArrayList<>();
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final List<String> deps = new ArrayList<>();
        private TestMetadata test;
        private String patch;
        private String raw = "select 1";
        private VersionInfo version = VersionInfo.NONE;

        NodeBuilder(ResourceType type, String pkg, String name, String file) {
            this.type = type;
            this.pkg = pkg;
            this.name = name;
            this.file = file;
        }

        NodeBuilder folder(String... parts) {
            folders.addAll(Arrays.asList(parts));
            return this;
        }

        NodeBuilder fqn(String... parts) {
            fqn = new ArrayList<>();
            for (String p : parts) {
                if (p != null) {
                    fqn.add(p);
                }
            }
            return this;
        }

        NodeBuilder uniqueId(String id) {
            uniqueId = id;
            return this;
        }

        NodeBuilder tags(String... tags) {
            config.put("tags", new ArrayList<>(Arrays.asList(tags)));
            return this;
        }

        NodeBuilder config(String key, Object value) {
            config.put(key, value);
            return this;
        }

        NodeBuilder deps(String... ids) {
            deps.addAll(Arrays.asList(ids));
            return this;
        }

        NodeBuilder test(TestMetadata metadata) {
            test = metadata;
            return this;
        }

        NodeBuilder patch(String ymlFile) {
            patch = pkg + "://" + ymlFile;
            return this;
        }

        NodeBuilder version(Object v, Object latest) {
            version = new VersionInfo(v, latest, null);
            return this;
        }

        NodeBuilder raw(String code) {
            raw = code;
            return this;
        }

        NodeBuilder file(String path) {
            file = path;
            return this;
        }

        Node build() {
            String folderPath = folders.isEmpty() ? "" : String.join("/", folders) + "/";
            String ofp = file != null ? file : "models/" + folderPath + name + ".sql";
            List<String> fullName = fqn;
            if (fullName == null) {
                fullName = new ArrayList<>();
                fullName.add(pkg);
                fullName.addAll(folders);
                fullName.add(name);
            }
            String id = uniqueId != null ? uniqueId : type.dbtName() + "." + pkg + "." + name;
            String path = ofp.contains("/") ? ofp.substring(ofp.indexOf('/') + 1) : ofp;
            return new Node(id, type, pkg, name, path, ofp, patch, fullName, FileChecksum.none(), new NodeConfig(config),
                    Map.of(), Map.of(), "db", "main", name, null, "", Map.of(), raw, "sql", List.of(), List.of(),
                    new DependsOn(List.of(), deps), test, null, null, version);
        }
    }
}

package io.slipway.core.state;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.TestMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** dbt's same_* rules, one aspect at a time, on hand-built current nodes against hand-built previous ones. */
class StateComparisonTest {
    private static final String ID = "model.shop.orders";

    @Test
    void identicalNodesAreUnmodifiedAndSurroundingWhitespaceIsNotABodyChange() {
        NodeChanges c = compare(model().raw("\nselect 1 as id\n"), old().raw("select 1 as id"));
        assertThat(c.modified()).isFalse();
        assertThat(c.toJson()).isEmpty();
        for (String aspect : List.of("body", "configs", "relation", "persisted_descriptions", "macros", "contract")) {
            assertThat(c.modified(aspect)).as(aspect).isFalse();
        }
    }

    @Test
    void aNewNodeIsModifiedAndCountsForEverySubSelectorButMacros() {
        StateComparison comparison = new StateComparison(manifest(model().build()), previous(Map.of(), Map.of()));
        NodeChanges c = comparison.changes(model().build());
        assertThat(c.isNew()).isTrue();
        assertThat(c.modified()).isTrue();
        assertThat(c.toJson()).containsEntry("new", true);
        for (String aspect : List.of("body", "configs", "relation", "persisted_descriptions", "contract")) {
            assertThat(c.modified(aspect)).as(aspect).isTrue();
        }
        assertThat(c.modified("macros")).isFalse();
    }

    @Test
    void rawCodeChangesAreBodyChanges() {
        NodeChanges c = compare(model().raw("select 2 as id"), old().raw("select 1 as id"));
        assertThat(c.modified()).isTrue();
        assertThat(c.modified("body")).isTrue();
        assertThat(c.modified("configs")).isFalse();
        assertThat(c.toJson()).isEqualTo(Map.of("body", true));
    }

    @Test
    void seedsCompareByChecksumNotText() {
        NodeBuilder seed = model().type(ResourceType.SEED).raw("").checksum(FileChecksum.sha256("id\n1"));
        assertThat(compare(seed, old().type("seed").raw("").checksum(FileChecksum.sha256("id\n1"))).modified()).isFalse();
        assertThat(compare(seed, old().type("seed").raw("").checksum(FileChecksum.sha256("id\n2"))).modified("body")).isTrue();
        // dbt's FileHash: a "none" hash equals nothing
        assertThat(compare(model().type(ResourceType.SEED).checksum(FileChecksum.none()),
                old().type("seed").checksum(FileChecksum.none())).modified("body")).isTrue();
    }

    @Test
    void configsCompareUnrenderedKeyByKeyWithoutRelationPartsTagsOrGroup() {
        NodeChanges changed = compare(model().unrendered("materialized", "table").unrendered("meta", Map.of("owner", "ana")),
                old().unrendered("materialized", "view").unrendered("meta", Map.of("owner", "ana")));
        assertThat(changed.configs()).containsExactly("materialized");
        assertThat(changed.modified("configs")).isTrue();
        assertThat(changed.toJson()).isEqualTo(Map.of("configs", List.of("materialized")));

        NodeChanges added = compare(model().unrendered("full_refresh", false), old());
        assertThat(added.configs()).containsExactly("full_refresh");

        NodeChanges excluded = compare(model().unrendered("tags", List.of("a")).unrendered("group", "finance"), old().unrendered("tags", List.of("b")));
        assertThat(excluded.modified()).isFalse();
        // numbers compare by value, as in Python
        assertThat(compare(model().unrendered("lookback", 2), old().unrendered("lookback", 2.0)).modified()).isFalse();
    }

    @Test
    void testsCompareOnlyTheirModifierConfigs() {
        NodeBuilder test = model().type(ResourceType.TEST).id("test.shop.assert_x");
        assertThat(compare(test.unrendered("severity", "warn"), old().type("test").id("test.shop.assert_x").unrendered("severity", "error"))
                .configs()).containsExactly("severity");
        NodeBuilder tagged = model().type(ResourceType.TEST).id("test.shop.assert_x").unrendered("tags", List.of("x")).unrendered("meta", Map.of("a", 1));
        assertThat(compare(tagged, old().type("test").id("test.shop.assert_x")).modified()).isFalse();
    }

    @Test
    void genericTestsAreModifiedOnlyByConfigAndFqn() {
        NodeBuilder test = model().type(ResourceType.TEST).id("test.shop.not_null_orders_id.abc").genericTest();
        StateNodeBuilder before = old().type("test").id("test.shop.not_null_orders_id.abc").generic();
        NodeChanges bodyOnly = compare(test.raw("{{ test_not_null(**_dbt_generic_test_kwargs) }}"), before.raw("{{ other() }}"));
        assertThat(bodyOnly.modified()).isFalse();
        assertThat(bodyOnly.modified("body")).isTrue();
        assertThat(compare(test.unrendered("where", "id > 1"), before).modified()).isTrue();
        assertThat(compare(model().type(ResourceType.TEST).id("test.shop.not_null_orders_id.abc").genericTest().fqn("shop", "renamed"),
                before).toJson()).isEqualTo(Map.of("fqn", true));
    }

    @Test
    void relationComparesTheConfiguredNamesNotTheRenderedOnes() {
        NodeChanges rendered = compare(model().schema("ci"), old().schema("main"));
        assertThat(rendered.modified()).isFalse();
        NodeChanges configured = compare(model().unrendered("schema", "marts"), old());
        assertThat(configured.modified("relation")).isTrue();
        assertThat(configured.configs()).isEmpty();
        assertThat(configured.toJson()).isEqualTo(Map.of("relation", true));
    }

    @Test
    void descriptionsCountOnlyWhenPersistDocsWritesThem() {
        assertThat(compare(model().description("new words"), old().description("old words")).modified()).isFalse();
        NodeChanges relation = compare(model().description("new words").config("persist_docs", Map.of("relation", true)),
                old().description("old words"));
        assertThat(relation.modified("persisted_descriptions")).isTrue();
        assertThat(relation.toJson()).isEqualTo(Map.of("persisted_descriptions", true));
        NodeChanges columns = compare(model().column("id", "the key", null).config("persist_docs", Map.of("columns", true)),
                old().column("id", "a key", null));
        assertThat(columns.modified("persisted_descriptions")).isTrue();
    }

    @Test
    void contractsChangeWhenEnforcedOrWhenTheirChecksumDiffers() {
        NodeBuilder enforced = model().config("contract", Map.of("enforced", true)).config("materialized", "table")
                .column("id", "", "integer");
        String checksum = ContractChecksum.of(enforced.build());
        assertThat(compare(enforced, old().contract(true, checksum)).modified()).isFalse();
        NodeChanges newlyEnforced = compare(enforced, old());
        assertThat(newlyEnforced.modified("contract")).isTrue();
        assertThat(newlyEnforced.toJson()).isEqualTo(Map.of("contract", true));
        NodeChanges retyped = compare(model().config("contract", Map.of("enforced", true)).config("materialized", "table")
                .column("id", "", "bigint"), old().contract(true, checksum));
        assertThat(retyped.modified("contract")).isTrue();
        NodeChanges dropped = compare(model(), old().contract(true, checksum));
        assertThat(dropped.modified("contract")).isTrue();
    }

    @Test
    void contractChecksumIsDbtsForColumnsWithoutConstraints() {
        Node node = model().config("contract", Map.of("enforced", true)).config("materialized", "table")
                .column("name", "", "text").column("id", "", "integer").build();
        // sha256("|idinteger[]|nametext[]table[]"): dbt's build_contract_checksum, columns sorted by name
        assertThat(ContractChecksum.of(node)).isEqualTo(FileChecksum.sha256Hex("|idinteger[]|nametext[]table[]"));
        assertThat(ContractChecksum.of(model().build())).isNull();
        Node view = model().config("contract", Map.of("enforced", true)).column("id", "", null).build();
        assertThat(ContractChecksum.of(view)).isEqualTo(FileChecksum.sha256Hex("|idNone[]"));
    }

    @Test
    void accessChangesAreModelChanges() {
        NodeChanges c = compare(model().config("access", "public"), old());
        assertThat(c.modified()).isTrue();
        assertThat(c.toJson()).isEqualTo(Map.of("ref_representation", List.of("access")));
    }

    @Test
    void sourcesFollowDbtsSourceRules() {
        SourceDefinition source = source("raw_orders", Map.of("meta", Map.of("owner", "b")), Map.of());
        StateSource same = new StateSource(source.uniqueId(), "db", "raw", "raw_orders", source.fqn(),
                // a dbt 1.11 manifest: null and empty config keys, empty freshness thresholds
                mapOf("loaded_at_field", null, "meta", Map.of("owner", "a"), "tags", List.of()),
                mapOf("database", null, "schema", null, "identifier", null, "column", null),
                mapOf("warn_after", mapOf("count", null, "period", null), "error_after", mapOf("count", null, "period", null), "filter", null),
                null, null);
        StateComparison comparison = new StateComparison(manifest(List.of(), List.of(source)), previous(Map.of(), Map.of(source.uniqueId(), same)));
        assertThat(comparison.changes(source).modified()).isFalse();

        SourceDefinition moved = source("raw_orders_v2", Map.of(), Map.of());
        NodeChanges relation = new StateComparison(manifest(List.of(), List.of(moved)), previous(Map.of(), Map.of(moved.uniqueId(), same)))
                .changes(moved);
        assertThat(relation.modified()).isTrue();
        assertThat(relation.modified("relation")).isTrue();
        assertThat(relation.modified("body")).isFalse();

        SourceDefinition fresher = source("raw_orders", Map.of(), Map.of("warn_after", Map.of("count", 1, "period", "day")));
        assertThat(new StateComparison(manifest(List.of(), List.of(fresher)), previous(Map.of(), Map.of(fresher.uniqueId(), same)))
                .changes(fresher).sourceProperties()).containsExactly("freshness");

        // dbt: a new source is state:new but not state:modified
        NodeChanges added = new StateComparison(manifest(List.of(), List.of(source)), previous(Map.of(), Map.of())).changes(source);
        assertThat(added.isNew()).isTrue();
        assertThat(added.modified()).isFalse();
    }

    // --- helpers

    private static NodeChanges compare(NodeBuilder current, StateNodeBuilder previous) {
        Node node = current.build();
        StateNode old = previous.build();
        return new StateComparison(manifest(node), previous(Map.of(old.uniqueId(), old), Map.of())).changes(node);
    }

    private static Manifest manifest(Node... nodes) {
        return manifest(List.of(nodes), List.of());
    }

    private static Manifest manifest(List<Node> nodes, List<SourceDefinition> sources) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        Map<String, SourceDefinition> sourcesById = new LinkedHashMap<>();
        sources.forEach(s -> sourcesById.put(s.uniqueId(), s));
        return new Manifest("shop", "duckdb", byId, sourcesById, Map.of(), Map.of());
    }

    private static StateManifest previous(Map<String, StateNode> nodes, Map<String, StateSource> sources) {
        return new StateManifest(Path.of("state/manifest.json"), 12, "1.10.0", "shop", "duckdb", nodes, sources, Map.of());
    }

    private static SourceDefinition source(String identifier, Map<String, Object> config, Map<String, Object> freshness) {
        return new SourceDefinition("source.shop.raw.orders", "shop", "raw", "orders", identifier, "db", "raw",
                "\"db\".\"raw\".\"" + identifier + "\"", "models/sources.yml", "models/sources.yml", List.of("shop", "raw", "orders"), "", "",
                "", Map.of(), Map.of(), Map.of(), List.of(), config, config, null, freshness, Map.of());
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static NodeBuilder model() {
        return new NodeBuilder();
    }

    private static StateNodeBuilder old() {
        return new StateNodeBuilder();
    }

    /** A current node: model shop.orders, "select 1 as id", nothing configured, unless told otherwise. */
    private static final class NodeBuilder {
        private ResourceType type = ResourceType.MODEL;
        private String id = ID;
        private String raw = "select 1 as id";
        private FileChecksum checksum = FileChecksum.sha256("select 1 as id");
        private final Map<String, Object> config = new LinkedHashMap<>();
        private final Map<String, Object> unrendered = new LinkedHashMap<>();
        private final Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        private String schema = "main";
        private String description = "";
        private List<String> fqn = List.of("shop", "orders");
        private TestMetadata test;

        NodeBuilder type(ResourceType value) {
            type = value;
            return this;
        }

        NodeBuilder id(String value) {
            id = value;
            return this;
        }

        NodeBuilder raw(String value) {
            raw = value;
            return this;
        }

        NodeBuilder checksum(FileChecksum value) {
            checksum = value;
            return this;
        }

        NodeBuilder config(String key, Object value) {
            config.put(key, value);
            return this;
        }

        NodeBuilder unrendered(String key, Object value) {
            unrendered.put(key, value);
            config.put(key, value);
            return this;
        }

        NodeBuilder column(String name, String description, String dataType) {
            columns.put(name, new ColumnSpec(name, description, Map.of(), dataType, List.of(), null, List.of()));
            return this;
        }

        NodeBuilder schema(String value) {
            schema = value;
            return this;
        }

        NodeBuilder description(String value) {
            description = value;
            return this;
        }

        NodeBuilder fqn(String... parts) {
            fqn = List.of(parts);
            return this;
        }

        NodeBuilder genericTest() {
            test = new TestMetadata("not_null", Map.of("column_name", "id"), null);
            return this;
        }

        Node build() {
            return new Node(id, type, "shop", "orders", "orders.sql", "models/orders.sql", null, fqn, checksum, new NodeConfig(config),
                    unrendered, Map.of(), "db", schema, "orders", "\"db\".\"" + schema + "\".\"orders\"", description, columns, raw, "sql",
                    List.of(), List.of(), DependsOn.NONE, test, null, null);
        }
    }

    /** A previous node: the same model as {@link NodeBuilder}'s default, unless told otherwise. */
    private static final class StateNodeBuilder {
        private String type = "model";
        private String id = ID;
        private String raw = "select 1 as id";
        private FileChecksum checksum = FileChecksum.sha256("select 1 as id");
        private final Map<String, Object> unrendered = new LinkedHashMap<>();
        private final Map<String, StateNode.StateColumn> columns = new LinkedHashMap<>();
        private String schema = "main";
        private String description = "";
        private boolean generic;
        private boolean enforced;
        private String contractChecksum;

        StateNodeBuilder type(String value) {
            type = value;
            return this;
        }

        StateNodeBuilder id(String value) {
            id = value;
            return this;
        }

        StateNodeBuilder raw(String value) {
            raw = value;
            return this;
        }

        StateNodeBuilder checksum(FileChecksum value) {
            checksum = value;
            return this;
        }

        StateNodeBuilder unrendered(String key, Object value) {
            unrendered.put(key, value);
            return this;
        }

        StateNodeBuilder column(String name, String description, String dataType) {
            columns.put(name, new StateNode.StateColumn(name, description, dataType, List.of()));
            return this;
        }

        StateNodeBuilder schema(String value) {
            schema = value;
            return this;
        }

        StateNodeBuilder description(String value) {
            description = value;
            return this;
        }

        StateNodeBuilder generic() {
            generic = true;
            return this;
        }

        StateNodeBuilder contract(boolean isEnforced, String value) {
            enforced = isEnforced;
            contractChecksum = value;
            return this;
        }

        StateNode build() {
            return new StateNode(id, type, "shop", "orders", List.of("shop", "orders"), checksum, raw, unrendered, unrendered, "db", schema,
                    "orders", null, description, columns, List.of(), List.of(), generic, enforced, contractChecksum,
                    type.equals("model") ? "protected" : null, null, null, null, null);
        }
    }
}

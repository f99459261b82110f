package io.slipway.core.template;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.Node;
import io.slipway.core.project.Frozen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node as templates see it ({@code model}, the {@code node} argument of {@code generate_schema_name}): a dict of dbt's node fields. */
public final class NodeValue {
    private NodeValue() {
    }

    /** The node's fields as a mutable dict, as dbt hands nodes to templates. */
    public static Map<String, Object> of(Node node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_id", node.uniqueId());
        m.put("name", node.name());
        m.put("resource_type", node.resourceType().dbtName());
        m.put("package_name", node.packageName());
        m.put("path", node.path());
        m.put("original_file_path", node.originalFilePath());
        m.put("fqn", new ArrayList<>(node.fqn()));
        m.put("database", node.database());
        m.put("schema", node.schema());
        m.put("alias", node.alias());
        m.put("identifier", node.alias());
        m.put("relation_name", node.relationName());
        m.put("config", Frozen.thaw(node.config().values()));
        m.put("tags", new ArrayList<>(node.tags()));
        m.put("meta", Frozen.thaw(node.meta()));
        m.put("description", node.description());
        m.put("raw_code", node.rawCode());
        m.put("raw_sql", node.rawCode());
        m.put("language", node.language());
        m.put("version", node.versionInfo().version());
        m.put("latest_version", node.versionInfo().latestVersion());
        m.put("deprecation_date", node.versionInfo().deprecationDate());
        if (node.resourceType() == io.slipway.core.manifest.ResourceType.MODEL) {
            m.put("access", node.access());
        }
        m.put("group", node.group());
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnSpec c : node.columns().values()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("description", c.description());
            col.put("data_type", c.dataType());
            col.put("meta", Frozen.thaw(c.meta()));
            col.put("tags", new ArrayList<>(c.tags()));
            col.put("quote", c.quote());
            col.put("constraints", Frozen.thaw(c.constraints()));
            columns.put(c.name(), col);
        }
        m.put("columns", columns);
        // model-level constraints are not read from properties files yet; contracts render column constraints
        m.put("constraints", new ArrayList<>());
        Map<String, Object> depends = new LinkedHashMap<>();
        depends.put("macros", new ArrayList<>(node.dependsOn().macros()));
        depends.put("nodes", new ArrayList<>(node.dependsOn().nodes()));
        m.put("depends_on", depends);
        List<Object> refs = new ArrayList<>();
        node.refs().forEach(r -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", r.name());
            ref.put("package", r.packageName());
            ref.put("version", r.version());
            refs.add(ref);
        });
        m.put("refs", refs);
        m.put("sources", Frozen.thaw(node.sources()));
        if (node.testMetadata() != null) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("name", node.testMetadata().name());
            tm.put("kwargs", Frozen.thaw(node.testMetadata().kwargs()));
            tm.put("namespace", node.testMetadata().namespace());
            m.put("test_metadata", tm);
            m.put("column_name", node.columnName());
            m.put("attached_node", node.attachedNode());
        }
        return m;
    }
}

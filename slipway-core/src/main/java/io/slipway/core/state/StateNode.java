package io.slipway.core.state;

import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.project.Frozen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of a previous manifest, with what state comparison and deferral read.
 *
 * @param resourceType     dbt's resource type as written ({@code model}, {@code seed}, ...)
 * @param genericTest      whether it has {@code test_metadata} (a generic test)
 * @param config           the resolved config ({@code persist_docs}, {@code materialized}, ...)
 * @param unrenderedConfig configs as written, compared key by key
 * @param columns          columns by name
 * @param contractEnforced {@code contract.enforced}
 * @param contractChecksum {@code contract.checksum}, or null
 * @param access           a model's access, or null for other nodes
 * @param compiledCode     the compiled SQL, when the previous run compiled it
 */
public record StateNode(
        String uniqueId,
        String resourceType,
        String packageName,
        String name,
        List<String> fqn,
        FileChecksum checksum,
        String rawCode,
        Map<String, Object> config,
        Map<String, Object> unrenderedConfig,
        String database,
        String schema,
        String alias,
        String relationName,
        String description,
        Map<String, StateColumn> columns,
        List<String> dependsOnMacros,
        List<String> dependsOnNodes,
        boolean genericTest,
        boolean contractEnforced,
        String contractChecksum,
        String access,
        String version,
        String latestVersion,
        String deprecationDate,
        String compiledCode) {

    public StateNode {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(resourceType, "resourceType is null");
        fqn = List.copyOf(fqn);
        rawCode = rawCode == null ? "" : rawCode;
        config = Frozen.map(config);
        unrenderedConfig = Frozen.map(unrenderedConfig);
        description = description == null ? "" : description;
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        dependsOnMacros = List.copyOf(dependsOnMacros);
        dependsOnNodes = List.copyOf(dependsOnNodes);
    }

    /** The materialization in the previous run ({@code view} when unset, dbt's default). */
    public String materialized() {
        Object m = config.get("materialized");
        return m == null ? "view" : m.toString();
    }

    public boolean isEphemeral() {
        return "ephemeral".equals(materialized());
    }

    /** Whether ref() can point at it (model, seed, snapshot). */
    public boolean isRefable() {
        return resourceType.equals("model") || resourceType.equals("seed") || resourceType.equals("snapshot");
    }

    /** A column as the previous manifest describes it. */
    public record StateColumn(String name, String description, String dataType, List<Object> constraints) {
        public StateColumn {
            description = description == null ? "" : description;
            constraints = Frozen.list(constraints);
        }
    }
}

package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A node of the graph that commands act on: a model, seed, snapshot, test (generic or singular), analysis
 * or hook. Immutable; kept small because large projects hold tens of thousands.
 *
 * @param path             path under its resource folder ({@code staging/stg_orders.sql})
 * @param originalFilePath path under the project ({@code models/staging/stg_orders.sql})
 * @param patchPath        the properties file that describes it, as {@code pkg://models/schema.yml}, or null
 * @param unrenderedConfig config keys as written (project file, properties, config() call), for state comparison
 * @param configCallDict   what the node's own {@code config()} call set
 * @param rawCode          the file's text (for generic tests, the call dbt generates)
 * @param relationName     the quoted relation, or null for ephemeral models and tests
 * @param testMetadata     for generic tests, what the test was declared with; else null
 * @param columnName       for column tests, the column; else null
 * @param attachedNode     for generic tests, the node they test; else null
 * @param versionInfo      for models, the version, latest version and deprecation date ({@link VersionInfo#NONE} when none)
 * @param unitTest         for unit tests, what the test declares; else null
 * @param exposure         for exposures, the kind of use, owner, label, maturity and url; else null
 */
public record Node(
        String uniqueId,
        ResourceType resourceType,
        String packageName,
        String name,
        String path,
        String originalFilePath,
        String patchPath,
        List<String> fqn,
        FileChecksum checksum,
        NodeConfig config,
        Map<String, Object> unrenderedConfig,
        Map<String, Object> configCallDict,
        String database,
        String schema,
        String alias,
        String relationName,
        String description,
        Map<String, ColumnSpec> columns,
        String rawCode,
        String language,
        List<RefCall> refs,
        List<List<String>> sources,
        DependsOn dependsOn,
        TestMetadata testMetadata,
        String columnName,
        String attachedNode,
        VersionInfo versionInfo,
        UnitTestSpec unitTest,
        ExposureSpec exposure) {

    public Node {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(resourceType, "resourceType is null");
        Objects.requireNonNull(packageName, "packageName is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(originalFilePath, "originalFilePath is null");
        Objects.requireNonNull(config, "config is null");
        fqn = List.copyOf(fqn);
        unrenderedConfig = Frozen.map(unrenderedConfig);
        configCallDict = Frozen.map(configCallDict);
        description = description == null ? "" : description;
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        refs = List.copyOf(refs);
        sources = sources.stream().map(List::copyOf).toList();
        Objects.requireNonNull(dependsOn, "dependsOn is null");
        versionInfo = versionInfo == null ? VersionInfo.NONE : versionInfo;
    }

    /** A node that is not an exposure. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path, String originalFilePath,
                String patchPath, List<String> fqn, FileChecksum checksum, NodeConfig config, Map<String, Object> unrenderedConfig,
                Map<String, Object> configCallDict, String database, String schema, String alias, String relationName,
                String description, Map<String, ColumnSpec> columns, String rawCode, String language, List<RefCall> refs,
                List<List<String>> sources, DependsOn dependsOn, TestMetadata testMetadata, String columnName, String attachedNode,
                VersionInfo versionInfo, UnitTestSpec unitTest) {
        this(uniqueId, resourceType, packageName, name, path, originalFilePath, patchPath, fqn, checksum, config, unrenderedConfig,
                configCallDict, database, schema, alias, relationName, description, columns, rawCode, language, refs, sources, dependsOn,
                testMetadata, columnName, attachedNode, versionInfo, unitTest, null);
    }

    /** A node that is not a unit test. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path, String originalFilePath,
                String patchPath, List<String> fqn, FileChecksum checksum, NodeConfig config, Map<String, Object> unrenderedConfig,
                Map<String, Object> configCallDict, String database, String schema, String alias, String relationName,
                String description, Map<String, ColumnSpec> columns, String rawCode, String language, List<RefCall> refs,
                List<List<String>> sources, DependsOn dependsOn, TestMetadata testMetadata, String columnName, String attachedNode,
                VersionInfo versionInfo) {
        this(uniqueId, resourceType, packageName, name, path, originalFilePath, patchPath, fqn, checksum, config, unrenderedConfig,
                configCallDict, database, schema, alias, relationName, description, columns, rawCode, language, refs, sources, dependsOn,
                testMetadata, columnName, attachedNode, versionInfo, null);
    }

    /** A node without version information (everything but versioned or deprecated models). */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path, String originalFilePath,
                String patchPath, List<String> fqn, FileChecksum checksum, NodeConfig config, Map<String, Object> unrenderedConfig,
                Map<String, Object> configCallDict, String database, String schema, String alias, String relationName,
                String description, Map<String, ColumnSpec> columns, String rawCode, String language, List<RefCall> refs,
                List<List<String>> sources, DependsOn dependsOn, TestMetadata testMetadata, String columnName, String attachedNode) {
        this(uniqueId, resourceType, packageName, name, path, originalFilePath, patchPath, fqn, checksum, config, unrenderedConfig,
                configCallDict, database, schema, alias, relationName, description, columns, rawCode, language, refs, sources, dependsOn,
                testMetadata, columnName, attachedNode, VersionInfo.NONE, null);
    }

    /** The model's version as text, or null when unversioned. */
    public String version() {
        return versionInfo.versionText();
    }

    /** A model's access: {@code private}, {@code protected} (the default) or {@code public}. */
    public String access() {
        Object access = config.get("access");
        return access == null ? "protected" : access.toString();
    }

    /** The group the node belongs to, or null. */
    public String group() {
        Object group = config.get("group");
        return group == null || group.toString().isEmpty() ? null : group.toString();
    }

    public String materialized() {
        return config.materialized();
    }

    public boolean isEphemeral() {
        return resourceType == ResourceType.MODEL && "ephemeral".equals(config.materialized());
    }

    public List<String> tags() {
        return config.tags();
    }

    public Map<String, Object> meta() {
        return config.meta();
    }

    /** The node with other dependencies (after refs are resolved). */
    public Node withDependsOn(DependsOn value) {
        return new Node(uniqueId, resourceType, packageName, name, path, originalFilePath, patchPath, fqn, checksum, config,
                unrenderedConfig, configCallDict, database, schema, alias, relationName, description, columns, rawCode, language,
                refs, sources, value, testMetadata, columnName, attachedNode, versionInfo, unitTest, exposure);
    }

    /** The node with another config (dbt sets {@code enabled: false} on a test whose target is missing). */
    public Node withConfig(NodeConfig value) {
        return new Node(uniqueId, resourceType, packageName, name, path, originalFilePath, patchPath, fqn, checksum, value,
                unrenderedConfig, configCallDict, database, schema, alias, relationName, description, columns, rawCode, language,
                refs, sources, dependsOn, testMetadata, columnName, attachedNode, versionInfo, unitTest, exposure);
    }
}

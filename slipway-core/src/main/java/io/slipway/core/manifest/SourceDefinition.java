package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table of a {@code sources:} entry.
 *
 * @param name       the table's name in the project ({@code source('src', name)})
 * @param identifier the table's name in the warehouse
 */
public record SourceDefinition(
        String uniqueId,
        String packageName,
        String sourceName,
        String name,
        String identifier,
        String database,
        String schema,
        String relationName,
        String path,
        String originalFilePath,
        List<String> fqn,
        String description,
        String sourceDescription,
        String loader,
        Map<String, ColumnSpec> columns,
        Map<String, Object> meta,
        Map<String, Object> sourceMeta,
        List<String> tags,
        Map<String, Object> config,
        Map<String, Object> unrenderedConfig,
        String loadedAtField,
        Map<String, Object> freshness,
        Map<String, Object> quoting) {

    public SourceDefinition {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(sourceName, "sourceName is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(identifier, "identifier is null");
        fqn = List.copyOf(fqn);
        description = description == null ? "" : description;
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
        loader = loader == null ? "" : loader;
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        meta = Frozen.map(meta);
        sourceMeta = Frozen.map(sourceMeta);
        tags = List.copyOf(tags);
        config = Frozen.map(config);
        unrenderedConfig = Frozen.map(unrenderedConfig);
        freshness = Frozen.map(freshness);
        quoting = Frozen.map(quoting);
    }
}

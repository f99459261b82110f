package io.slipway.core.state;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The manifest of a previous run ({@code --state DIR/manifest.json}), written by Slipway or by dbt-core 1.x
 * (schema v10 to v12).
 *
 * @param file          where it was read from, for messages
 * @param schemaVersion the manifest schema version ({@code 12})
 * @param dbtVersion    {@code metadata.dbt_version}
 * @param adapterType   {@code metadata.adapter_type}, or null
 */
public record StateManifest(
        Path file,
        int schemaVersion,
        String dbtVersion,
        String projectName,
        String adapterType,
        Map<String, StateNode> nodes,
        Map<String, StateSource> sources,
        Map<String, StateMacro> macros) {

    public StateManifest {
        Objects.requireNonNull(file, "file is null");
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
    }

    public StateNode node(String uniqueId) {
        return nodes.get(uniqueId);
    }
}

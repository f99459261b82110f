package io.slipway.core.state;

import io.slipway.core.project.Frozen;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source table of a previous manifest.
 *
 * @param external the {@code external} block, or null
 */
public record StateSource(
        String uniqueId,
        String database,
        String schema,
        String identifier,
        List<String> fqn,
        Map<String, Object> unrenderedConfig,
        Map<String, Object> quoting,
        Map<String, Object> freshness,
        String loadedAtField,
        Object external) {

    public StateSource {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        fqn = List.copyOf(fqn);
        unrenderedConfig = Frozen.map(unrenderedConfig);
        quoting = Frozen.map(quoting);
        freshness = Frozen.map(freshness);
    }
}

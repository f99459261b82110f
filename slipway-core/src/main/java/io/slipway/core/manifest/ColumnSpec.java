package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A column as a properties file describes it. */
public record ColumnSpec(String name, String description, Map<String, Object> meta, String dataType,
                         List<Object> constraints, Boolean quote, List<String> tags) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = Frozen.map(meta);
        constraints = Frozen.list(constraints);
        tags = List.copyOf(tags);
    }
}

package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.Map;
import java.util.Objects;

/**
 * A {@code groups:} entry: a named owner that models can belong to, so that private models are refable only
 * from within their group.
 *
 * @param owner {@code owner:} as written ({@code name}, {@code email}, ...)
 */
public record GroupDefinition(String name, String packageName, String path, String originalFilePath, Map<String, Object> owner,
                              String description) {
    public GroupDefinition {
        Objects.requireNonNull(name, "name is null");
        owner = Frozen.map(owner);
    }

    public String uniqueId() {
        return "group." + packageName + "." + name;
    }
}

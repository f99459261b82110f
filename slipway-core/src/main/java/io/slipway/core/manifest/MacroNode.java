package io.slipway.core.manifest;

import io.slipway.jinja.MacroDefinition;

import java.util.List;
import java.util.Objects;

/**
 * A macro of the project, a package, the adapter or Slipway's global macros.
 *
 * @param macroSql   the macro's source text (from {@code {% macro %}} to {@code {% endmacro %}})
 * @param dependsOn  unique ids of the macros it calls, found at parse time
 * @param definition the parsed macro, bound to each node's context when called
 */
public record MacroNode(
        String uniqueId,
        String name,
        String packageName,
        String path,
        String originalFilePath,
        String macroSql,
        List<String> dependsOn,
        String description,
        MacroDefinition definition) {

    public MacroNode {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(packageName, "packageName is null");
        dependsOn = List.copyOf(dependsOn);
        description = description == null ? "" : description;
        Objects.requireNonNull(definition, "definition is null");
    }

    public MacroNode withDependsOn(List<String> macros) {
        return new MacroNode(uniqueId, name, packageName, path, originalFilePath, macroSql, macros, description, definition);
    }
}

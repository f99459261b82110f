package io.slipway.core.selection;

import java.util.Objects;

/**
 * One entry of {@code selectors.yml}.
 *
 * @param isDefault  {@code default: true}: used when a command has no {@code --select}, {@code --exclude} or
 *                   {@code --selector}
 * @param definition the parsed definition
 */
public record SelectorDefinition(String name, String description, boolean isDefault, SelectionNode definition) {
    public SelectorDefinition {
        Objects.requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        Objects.requireNonNull(definition, "definition is null");
    }
}

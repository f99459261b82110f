package io.slipway.core.selection;

import java.util.List;
import java.util.Set;

/**
 * What a selection gave.
 *
 * @param selected        unique ids of the selected nodes and sources, in manifest order
 * @param warnings        warnings for the user, in dbt's words where dbt has some ("The selection criterion 'x'
 *                        does not match any enabled nodes")
 * @param defaultSelector the name of the YAML selector with {@code default: true} when it was used (dbt logs
 *                        "Using default selector x"), else null
 */
public record SelectionResult(Set<String> selected, List<String> warnings, String defaultSelector) {
    public SelectionResult {
        selected = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(selected));
        warnings = List.copyOf(warnings);
    }
}

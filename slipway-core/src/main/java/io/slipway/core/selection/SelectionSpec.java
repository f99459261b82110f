package io.slipway.core.selection;

import java.util.List;
import java.util.Objects;

/**
 * What to select: {@code --select} and {@code --exclude} arguments as given (each may hold several
 * space-separated criteria; an empty list means the flag was not given), {@code --selector} (a YAML selector's
 * name, or null), and the indirect mode ({@code --indirect-selection}, eager by default).
 */
public record SelectionSpec(List<String> select, List<String> exclude, String selector, IndirectSelection indirect) {
    public SelectionSpec {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(indirect, "indirect is null");
    }

    public static SelectionSpec all() {
        return new SelectionSpec(List.of(), List.of(), null, IndirectSelection.EAGER);
    }
}

package io.slipway.core.selection;

import io.slipway.core.manifest.Manifest;

import java.util.List;
import java.util.Set;

/** Short calls for tests. */
final class Select {
    private Select() {
    }

    static SelectionSpec spec(List<String> select, List<String> exclude, IndirectSelection mode) {
        return new SelectionSpec(select, exclude, null, mode);
    }

    /** {@code --select} the arguments (each may hold several space-separated criteria), eager. */
    static Set<String> ids(Manifest manifest, String... select) {
        return new NodeSelector(manifest).select(spec(List.of(select), List.of(), IndirectSelection.EAGER));
    }

    /** Like {@link #ids} without indirect test selection, to look at what a method matches by itself. */
    static Set<String> direct(Manifest manifest, String... select) {
        return new NodeSelector(manifest).select(spec(List.of(select), List.of(), IndirectSelection.EMPTY));
    }

    static SelectionResult result(Manifest manifest, List<String> select, List<String> exclude, IndirectSelection mode) {
        return new NodeSelector(manifest).evaluate(spec(select, exclude, mode));
    }
}

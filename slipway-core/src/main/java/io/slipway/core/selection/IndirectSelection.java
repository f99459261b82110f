package io.slipway.core.selection;

import java.util.Locale;

/** How tests of selected nodes are added ({@code --indirect-selection}). */
public enum IndirectSelection {
    /** Any test that touches a selected node (dbt's default). */
    EAGER,
    /** A test only if all its parents are selected. */
    CAUTIOUS,
    /** A test only if its parents are selected or ancestors of selected nodes. */
    BUILDABLE,
    /** No tests are added. */
    EMPTY;

    public static IndirectSelection parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

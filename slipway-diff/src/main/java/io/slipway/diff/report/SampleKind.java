package io.slipway.diff.report;

import java.util.Locale;

/** What a sample row shows. */
public enum SampleKind {
    /** Only in the right relation. */
    ADDED,
    /** Only in the left relation. */
    REMOVED,
    /** In both with different values. */
    CHANGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.slipway.diff.report;

import java.util.Locale;

/** How a column differs between the two relations' schemas. */
public enum ColumnStatus {
    SAME, ADDED, REMOVED, TYPE_CHANGED;

    /** The name in reports: {@code same}, {@code added}, {@code removed}, {@code type_changed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

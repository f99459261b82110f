package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.util.Locale;

/**
 * How tests are added for selected nodes ({@code --indirect-selection}, or {@code indirect_selection:} on one
 * criterion of a YAML selector). Only tests (and unit tests) are ever selected indirectly.
 */
public enum IndirectSelection {
    /** Any test that depends on a selected node (dbt's default). */
    EAGER,
    /** A test only if all the nodes it depends on are selected. */
    CAUTIOUS,
    /** A test only if all the nodes it depends on are selected or are ancestors of selected nodes. */
    BUILDABLE,
    /** No tests are added. */
    EMPTY;

    /** The name as written on the command line ({@code eager}). */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code eager}, {@code cautious}, {@code buildable} or {@code empty} (any case). */
    public static IndirectSelection parse(String value) {
        if (value != null) {
            String v = value.trim().toUpperCase(Locale.ROOT);
            for (IndirectSelection mode : values()) {
                if (mode.name().equals(v)) {
                    return mode;
                }
            }
        }
        throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid indirect selection '" + value
                + "': expected one of eager, cautious, buildable, empty");
    }
}

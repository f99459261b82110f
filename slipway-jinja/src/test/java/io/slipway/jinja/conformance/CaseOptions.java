package io.slipway.jinja.conformance;

import io.slipway.jinja.UndefinedMode;

/** A case's environment options; the defaults are dbt's render settings. */
record CaseOptions(boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline, UndefinedMode undefined) {
    static final CaseOptions DEFAULTS = new CaseOptions(false, false, false, UndefinedMode.DEFAULT);

    /** The mode named as in the case files: {@code default}, {@code strict} or {@code chainable}. */
    static UndefinedMode undefinedMode(String name) {
        return switch (name) {
            case "default" -> UndefinedMode.DEFAULT;
            case "strict" -> UndefinedMode.STRICT;
            case "chainable" -> UndefinedMode.CHAINABLE;
            default -> throw new IllegalArgumentException("unknown undefined mode: " + name);
        };
    }
}

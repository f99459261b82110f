package io.slipway.core.manifest;

import java.util.Locale;

/** dbt's resource types, named as dbt spells them in unique ids and artifacts. */
public enum ResourceType {
    MODEL, SEED, SNAPSHOT, TEST, ANALYSIS, OPERATION, SOURCE, MACRO, DOC, EXPOSURE, UNIT_TEST;

    // asked for per node by selectors and writers: computed once
    private final String dbtName = name().toLowerCase(Locale.ROOT);

    /** The lower-case name ({@code model}, {@code unit_test}). */
    public String dbtName() {
        return dbtName;
    }

    /** Whether ref() can point at it. */
    public boolean isRefable() {
        return this == MODEL || this == SEED || this == SNAPSHOT;
    }

    /** Whether commands execute it. */
    public boolean isExecutable() {
        return this == MODEL || this == SEED || this == SNAPSHOT || this == TEST;
    }

    public static ResourceType fromDbtName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

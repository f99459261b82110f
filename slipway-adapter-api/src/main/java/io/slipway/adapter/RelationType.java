package io.slipway.adapter;

import java.util.Locale;

/** The kinds of relation dbt distinguishes. */
public enum RelationType {
    TABLE, VIEW, MATERIALIZED_VIEW, EXTERNAL, CTE;

    /** The lower-case name dbt uses ({@code table}, {@code view}, {@code materialized_view}). */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RelationType fromDbtName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}

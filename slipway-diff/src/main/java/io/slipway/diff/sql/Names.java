package io.slipway.diff.sql;

import io.slipway.diff.RelationName;

/** Relation names as SQL. */
public final class Names {
    private Names() {
    }

    /** A relation name quoted part by part; parts left out fall to the connection's defaults. */
    public static String relation(Dialect dialect, RelationName name) {
        StringBuilder sb = new StringBuilder();
        if (name.database() != null) {
            sb.append(dialect.quote(name.database())).append('.');
        }
        if (name.schema() != null) {
            sb.append(dialect.quote(name.schema())).append('.');
        }
        return sb.append(dialect.quote(name.identifier())).toString();
    }
}

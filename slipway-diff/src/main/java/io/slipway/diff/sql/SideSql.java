package io.slipway.diff.sql;

import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;
import io.slipway.diff.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL for one side of a diff: its relation, its spelling of each paired column, and the expressions
 * built on them in that side's dialect.
 *
 * @param relation the relation, quoted
 * @param where    the user's condition, or null
 * @param left     whether this is the left side
 */
public record SideSql(Dialect dialect, String relation, String where, boolean left) {
    /** The quoted column of a pair on this side. */
    public String column(ColumnPair p) {
        return dialect.quote(left ? p.left() : p.right());
    }

    public SqlType type(ColumnPair p) {
        return left ? p.leftType() : p.rightType();
    }

    /**
     * The comparable (typed) value inside one warehouse: the column itself when both sides have the same
     * type and it is not a float, as then equal values are equal columns.
     */
    public String comparable(ColumnPair p) {
        return p.identicalTypes() ? column(p) : dialect.comparable(column(p), type(p), p.comparison());
    }

    /** The comparable value as {@link Dialect#comparable} gives it, never the bare column (for values shared across warehouses). */
    public String strictComparable(ColumnPair p) {
        return dialect.comparable(column(p), type(p), p.comparison());
    }

    /** The canonical (wire-form) value. */
    public String canonical(ColumnPair p) {
        return dialect.canonical(column(p), type(p), p.comparison());
    }

    /** An expression for ordering and range comparisons: text in byte order. */
    public String ordered(ColumnPair p, String expression) {
        return textLike(p.comparison()) ? dialect.binaryText(expression) : expression;
    }

    /** The value as a double, for tolerances. */
    public String asDouble(ColumnPair p) {
        return "cast(" + column(p) + " as " + dialect.doubleType() + ")";
    }

    /** No key part is NULL. */
    public String keysNotNull(List<ColumnPair> keys) {
        List<String> parts = new ArrayList<>();
        for (ColumnPair k : keys) {
            parts.add(column(k) + " is not null");
        }
        return String.join(" and ", parts);
    }

    /** Some key part is NULL. */
    public String anyKeyNull(List<ColumnPair> keys) {
        List<String> parts = new ArrayList<>();
        for (ColumnPair k : keys) {
            parts.add(column(k) + " is null");
        }
        return String.join(" or ", parts);
    }

    /** The user's condition and, when {@code nonNullKeys}, non-NULL keys; null when there is nothing to filter. */
    public String baseFilter(List<ColumnPair> keys, boolean nonNullKeys) {
        List<String> parts = new ArrayList<>();
        if (where != null && !where.isBlank()) {
            parts.add("(" + where + ")");
        }
        if (nonNullKeys) {
            parts.add(keysNotNull(keys));
        }
        return parts.isEmpty() ? null : String.join(" and ", parts);
    }

    /** {@code a and b}, either possibly null. */
    public static String and(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " and " + b;
    }

    /** A query's WHERE clause for a filter, or nothing. */
    public static String whereClause(String filter) {
        return filter == null ? "" : " where " + filter;
    }

    private static boolean textLike(Comparison c) {
        return c.kind() == Comparison.Kind.TEXT || c.kind() == Comparison.Kind.OTHER;
    }
}

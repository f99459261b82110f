package io.slipway.diff.sql;

import io.slipway.adapter.RelationInfo;
import io.slipway.diff.plan.Comparison;
import io.slipway.diff.plan.SqlType;

/**
 * The SQL a diff needs that differs between warehouses: quoting, the canonical form of each kind of
 * value, text ordering, hashing and a few functions. Canonical forms must come out identical on every
 * dialect for equal data, so a hash computed on one warehouse matches the same rows' hash on another.
 */
public interface Dialect {
    /** The adapter type, e.g. {@code duckdb}. */
    String name();

    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A relation qualified and quoted as this warehouse takes it. */
    String relation(RelationInfo relation);

    /** A string literal. */
    default String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The text type's name in casts. */
    String textType();

    /** The double type's name in casts. */
    String doubleType();

    /**
     * The value in the pair's common form, typed for comparing and ordering inside this warehouse
     * (a bigint, a double, a decimal, a UTC timestamp, text).
     */
    default String comparable(String column, SqlType type, Comparison comparison) {
        return switch (comparison.kind()) {
            case TIMESTAMP -> timestamp(column, type, comparison.digits());
            case DECIMAL -> comparison.scaledBigint() ? canonical(column, type, comparison) : decimal(column, type, comparison.digits());
            case TEXT -> type.kind() == io.slipway.diff.plan.ValueKind.UUID ? "cast(" + column + " as " + textType() + ")" : column;
            case OTHER -> "cast(" + column + " as " + textType() + ")";
            case TIME -> column;
            default -> canonical(column, type, comparison);
        };
    }

    /** The value in its wire form ({@link Comparison#form()}): what is hashed and what fetched rows are compared by. */
    default String canonical(String column, SqlType type, Comparison comparison) {
        return switch (comparison.kind()) {
            case INTEGER -> integer(column, type);
            case DECIMAL -> comparison.scaledBigint()
                    ? scaled(column, type, comparison.digits())
                    : "cast(" + decimal(column, type, comparison.digits()) + " as " + textType() + ")";
            case FLOAT -> rounded("cast(" + column + " as " + doubleType() + ")", comparison.digits());
            case DATE -> "cast(" + column + " - date '1970-01-01' as bigint)";
            case TIMESTAMP -> epoch(column, type, comparison.digits());
            case TIME, TEXT, OTHER -> "cast(" + column + " as " + textType() + ")";
        };
    }

    /**
     * A double rounded half up to {@code digits} places, kept scaled (x * 10^digits, an integral double).
     * Values too large to scale without overflowing (PostgreSQL fails on a float overflow) are already
     * integral and stay as they are, as do infinities and NaN.
     */
    default String rounded(String value, int digits) {
        return "case when abs(" + value + ") < cast(1e290 as " + doubleType() + ") then floor(" + value + " * cast(1" + "0".repeat(digits)
                + " as " + doubleType() + ") + cast(0.5 as " + doubleType() + ")) else " + value + " end";
    }

    /** A whole number or boolean as a bigint. */
    default String integer(String column, SqlType type) {
        if (type.kind() == io.slipway.diff.plan.ValueKind.BOOLEAN) {
            return "cast(cast(" + column + " as integer) as bigint)";
        }
        return "cast(" + column + " as bigint)";
    }

    /** A number times 10^scale as a bigint, rounded half away from zero. */
    default String scaled(String column, SqlType type, int scale) {
        if (type.kind() != io.slipway.diff.plan.ValueKind.DECIMAL) {
            return scale == 0 ? integer(column, type) : "(" + integer(column, type) + " * 1" + "0".repeat(scale) + ")";
        }
        return scale == 0 ? "cast(" + column + " as bigint)" : "cast(" + column + " * 1" + "0".repeat(scale) + " as bigint)";
    }

    /** An exact number at a scale (-1: as stored), typed. */
    String decimal(String column, SqlType type, int scale);

    /** A date or timestamp as a UTC timestamp without zone, truncated to {@code digits} fractional digits when the type holds more. */
    String timestamp(String column, SqlType type, int digits);

    /**
     * A date or timestamp as a bigint count of microseconds since 1970-01-01 in UTC (nanoseconds when
     * {@code digits} is 9), floored to {@code digits} fractional digits.
     */
    String epoch(String column, SqlType type, int digits);

    /** A bigint floored to a multiple of 10^(6 - digits) (to a precision below microseconds). */
    default String floorTo(String micros, int digits) {
        if (digits >= 6) {
            return micros;
        }
        long unit = (long) Math.pow(10, 6 - digits);
        return "(" + micros + " - ((" + micros + " % " + unit + ") + " + unit + ") % " + unit + ")";
    }

    /** Text compared byte by byte (PostgreSQL's collations would order and compare it otherwise). */
    String binaryText(String textExpression);

    /** 60 bits of the md5 of a text, as a non-negative bigint: the hash both warehouses compute identically. */
    String md5Bits(String textExpression);

    /** A fast 64-bit hash of text, equal only within this kind of warehouse. */
    String nativeTextHash(String textExpression);

    /** The whole row's hash in one call, when this warehouse has one (DuckDB's {@code hash}); null otherwise. */
    default String nativeRowHash(java.util.List<String> canonicalExpressions) {
        return null;
    }

    /** Integer division truncating toward zero. */
    String intDiv(String dividend, String divisor);

    /** Texts (none NULL) joined with a separator: the same string on every dialect, built however is fastest here. */
    default String joined(java.util.List<String> texts, String separator) {
        return String.join(" || " + separator + " || ", texts);
    }

    /** A character by code point, for separators in hashed text. */
    default String chr(int codePoint) {
        return "chr(" + codePoint + ")";
    }

    /** An aggregate collecting {@code expression} over the rows matching {@code filter} into a list (a JDBC array) of at most {@code max} items. */
    String listAgg(String expression, String filter, int max);

    /** {@code expression} (a bigint) is one of these numbers (many of them). */
    String inNumbers(String expression, java.util.List<Long> numbers);

    /** {@code expression} is one of the text literals (many of them). */
    String inList(String expression, java.util.List<String> literals);

    /**
     * A value that is equal for two rows exactly when all these values are (NULL equal to NULL under
     * {@code is distinct from}): DuckDB hashes them, PostgreSQL compares them as a row.
     */
    String fingerprint(java.util.List<String> expressions);

    /**
     * A hash of a bigint whose sum over a relation can be compared with the same sum over the integers
     * from min to max ({@link #rangeHashSum}): equal sums and as many rows as integers prove the keys are
     * exactly those integers, once each, without a COUNT(DISTINCT). Null when this warehouse has no cheap one.
     */
    default String keyHash(String bigintExpression) {
        return null;
    }

    /** A query summing {@link #keyHash} over the integers min..max. */
    default String rangeHashSum(long min, long max) {
        return null;
    }

    /** The clause after a relation in FROM that samples about {@code percent} % of its rows. */
    String sample(double percent);

    /** What stops the planner from inlining a subquery's expressions into the outer query (so a row hash is computed once). */
    default String fence() {
        return "";
    }

    /** A literal of the pair's comparable type from its text (as {@code cast(x as text)} printed it). */
    default String typedLiteral(Comparison comparison, String text) {
        return switch (comparison.kind()) {
            case INTEGER, DATE -> Long.toString(Long.parseLong(text.trim()));
            case DECIMAL -> comparison.scaledBigint() ? Long.toString(Long.parseLong(text.trim()))
                    : "cast(" + literal(text) + " as " + decimalType(comparison.digits()) + ")";
            case FLOAT -> "cast(" + literal(text) + " as " + doubleType() + ")";
            case TIMESTAMP -> "cast(" + literal(text) + " as timestamp)";  // the comparable form is a timestamp
            case TIME -> "cast(" + literal(text) + " as time)";
            case TEXT, OTHER -> binaryText(literal(text));
        };
    }

    /** The decimal type of a scale (-1: unconstrained). */
    String decimalType(int scale);
}

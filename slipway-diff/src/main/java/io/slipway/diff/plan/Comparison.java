package io.slipway.diff.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * How the values of a column pair are brought to one form before they are compared or hashed. Equal data
 * in different types matches: an {@code integer} against a {@code bigint} or a {@code numeric(12,0)}, a
 * {@code timestamp(3)} against a {@code timestamp}, a {@code date} against a {@code timestamp}.
 *
 * @param kind         the common form
 * @param digits       DECIMAL: the scale both sides are rounded to (-1: as stored); FLOAT: decimal places;
 *                     TIMESTAMP and TIME: fractional-second digits both sides are truncated to; else -1
 * @param scaledBigint DECIMAL: whether value × 10^digits always fits a bigint, so it is compared as one
 */
public record Comparison(Kind kind, int digits, boolean scaledBigint) {
    /** The common forms. */
    public enum Kind {
        /** Whole numbers and booleans (0/1), as a bigint. */
        INTEGER,
        /** Exact numbers at a common scale. */
        DECIMAL,
        /** Floating-point numbers (or a float against an exact number), rounded to {@code digits} places. */
        FLOAT,
        /** Dates, as days since 1970-01-01. */
        DATE,
        /**
         * Timestamps in UTC (time zones converted, naive ones taken as UTC), truncated to a common precision;
         * canonically microseconds since 1970 (nanoseconds when both sides hold them).
         */
        TIMESTAMP,
        /** Times of day truncated to a common precision. */
        TIME,
        /** Text and UUIDs, compared byte for byte. */
        TEXT,
        /** Anything else, by the warehouse's text form; only within one kind of warehouse. */
        OTHER
    }

    /** What a canonical value is on the wire: a bigint, a double or text. */
    public enum Form { BIGINT, DOUBLE, TEXT }

    public Comparison {
        Objects.requireNonNull(kind, "kind is null");
    }

    /** The form values take for hashing and for comparing fetched rows. */
    public Form form() {
        return switch (kind) {
            case INTEGER, DATE, TIMESTAMP -> Form.BIGINT;
            case DECIMAL -> scaledBigint ? Form.BIGINT : Form.TEXT;
            case FLOAT -> Form.DOUBLE;
            default -> Form.TEXT;
        };
    }

    /** Whether a tolerance applies (numbers). */
    public boolean numeric() {
        return kind == Kind.INTEGER || kind == Kind.DECIMAL || kind == Kind.FLOAT;
    }

    /**
     * The common form of two column types, if there is one.
     *
     * @param sameDialect    both relations live in the same kind of warehouse (their text forms agree)
     * @param floatPrecision decimal places floats are rounded to
     */
    public static Optional<Comparison> of(SqlType left, SqlType right, boolean sameDialect, int floatPrecision) {
        ValueKind l = left.kind();
        ValueKind r = right.kind();
        if (isWhole(l) && isWhole(r)) {
            return Optional.of(new Comparison(Kind.INTEGER, -1, false));
        }
        if (isNumber(l) && isNumber(r)) {
            if (l == ValueKind.FLOAT || r == ValueKind.FLOAT) {
                int places = floatPrecision;
                for (SqlType t : new SqlType[] {left, right}) {
                    if (t.kind() == ValueKind.DECIMAL && t.scale() >= 0) {
                        places = Math.min(places, t.scale());
                    }
                }
                return Optional.of(new Comparison(Kind.FLOAT, places, false));
            }
            int scale = commonScale(left, right);
            int intDigits = Math.max(left.integerDigits(), right.integerDigits());
            boolean fits = scale >= 0 && left.integerDigits() >= 0 && right.integerDigits() >= 0 && intDigits + scale <= 18;
            return Optional.of(new Comparison(Kind.DECIMAL, scale, fits));
        }
        if (l == ValueKind.DATE && r == ValueKind.DATE) {
            return Optional.of(new Comparison(Kind.DATE, -1, false));
        }
        if (isTime(l) && isTime(r)) {
            int digits = Math.min(l == ValueKind.DATE ? 9 : left.precision(), r == ValueKind.DATE ? 9 : right.precision());
            return Optional.of(new Comparison(Kind.TIMESTAMP, digits, false));
        }
        if (l == ValueKind.TIME && r == ValueKind.TIME) {
            return Optional.of(new Comparison(Kind.TIME, Math.min(left.precision(), right.precision()), false));
        }
        if (isText(l) && isText(r)) {
            return Optional.of(new Comparison(Kind.TEXT, -1, false));
        }
        if (l == ValueKind.OTHER && r == ValueKind.OTHER && sameDialect && left.sameAs(right)) {
            return Optional.of(new Comparison(Kind.OTHER, -1, false));
        }
        return Optional.empty();
    }

    /** Decimals compare at the smaller scale (a side stored rounded matches); whole numbers are exact at any scale. */
    private static int commonScale(SqlType left, SqlType right) {
        int l = left.kind() == ValueKind.DECIMAL ? left.scale() : Integer.MAX_VALUE;
        int r = right.kind() == ValueKind.DECIMAL ? right.scale() : Integer.MAX_VALUE;
        if (l == -1 || r == -1) {
            int known = Math.max(l == Integer.MAX_VALUE ? -1 : l, r == Integer.MAX_VALUE ? -1 : r);
            return l == -1 && r == -1 ? -1 : known;
        }
        int scale = Math.min(l, r);
        return scale == Integer.MAX_VALUE ? 0 : scale;
    }

    private static boolean isWhole(ValueKind k) {
        return k == ValueKind.INTEGER || k == ValueKind.BOOLEAN;
    }

    private static boolean isNumber(ValueKind k) {
        return k == ValueKind.INTEGER || k == ValueKind.BOOLEAN || k == ValueKind.DECIMAL || k == ValueKind.FLOAT;
    }

    private static boolean isTime(ValueKind k) {
        return k == ValueKind.DATE || k == ValueKind.TIMESTAMP || k == ValueKind.TIMESTAMPTZ;
    }

    private static boolean isText(ValueKind k) {
        return k == ValueKind.TEXT || k == ValueKind.UUID;
    }
}

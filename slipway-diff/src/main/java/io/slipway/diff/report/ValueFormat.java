package io.slipway.diff.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sample values and rates are printed. */
final class ValueFormat {
    private ValueFormat() {
    }

    /** A value as a person reads it: SQL-like timestamps, plain decimals, {@code NULL}. */
    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate() + " " + t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDate() + " " + t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME) + t.getOffset();
        }
        if (value instanceof LocalTime t) {
            return t.format(DateTimeFormatter.ISO_LOCAL_TIME);
        }
        return value.toString();
    }

    /** A match rate as a percentage with one decimal, never rounding a partial match up to 100 %. */
    static String percent(Double rate) {
        if (rate == null) {
            return "-";
        }
        double p = Math.floor(rate * 1000) / 10;
        return String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String count(Long n) {
        return n == null ? "-" : Long.toString(n);
    }
}

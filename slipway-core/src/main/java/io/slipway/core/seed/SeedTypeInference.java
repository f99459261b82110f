package io.slipway.core.seed;

import io.slipway.adapter.SeedColumnKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * dbt's seed type inference (agate's type tester as dbt configures it): a column takes the first kind
 * every non-null value parses as, in the order integer, number, date ({@code %Y-%m-%d}), datetime
 * ({@code %Y-%m-%d %H:%M:%S}), ISO datetime, boolean ({@code true}/{@code false}), text. Empty strings
 * and {@code null} are nulls.
 */
public final class SeedTypeInference {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SeedTypeInference() {
    }

    public static boolean isNull(String value) {
        return value == null || value.isEmpty() || value.equalsIgnoreCase("null");
    }

    /** Whether every value of the column parses as {@code kind}. */
    public static boolean fits(SeedColumnKind kind, Iterable<String> values) {
        for (String v : values) {
            if (!isNull(v) && parse(kind, v) == null) {
                return false;
            }
        }
        return true;
    }

    /** The inferred kind of a column. */
    public static SeedColumnKind infer(Iterable<String> values) {
        for (SeedColumnKind kind : SeedColumnKind.values()) {
            if (fits(kind, values)) {
                return kind;
            }
        }
        return SeedColumnKind.TEXT;
    }

    /** The value as the kind's Java value, or null when it does not parse. */
    public static Object parse(SeedColumnKind kind, String raw) {
        String v = raw.strip();
        try {
            return switch (kind) {
                case INTEGER -> INTEGER.matcher(v).matches() ? parseInteger(v) : null;
                case NUMBER -> NUMBER.matcher(v.replace(",", "")).matches() ? new BigDecimal(v.replace(",", "")) : null;
                case DATE -> v.length() == 10 ? LocalDate.parse(v) : null;
                case DATETIME -> LocalDateTime.parse(v, DATETIME);
                case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> null;
                };
                case TEXT -> raw;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            if (kind == SeedColumnKind.DATETIME) {
                return parseIso(v);
            }
            return null;
        }
    }

    private static Object parseInteger(String v) {
        BigDecimal d = new BigDecimal(v);
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return d.toBigIntegerExact();
        }
    }

    /** ISO 8601 datetimes ({@code 2024-01-02T03:04:05Z}, with fractions or offsets), as local timestamps. */
    private static Object parseIso(String v) {
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v).toLocalDateTime();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}

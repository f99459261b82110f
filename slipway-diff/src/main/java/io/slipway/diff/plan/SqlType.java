package io.slipway.diff.plan;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type read from a warehouse's catalog and classified: DuckDB's names ({@code DECIMAL(12,2)},
 * {@code TIMESTAMP_MS}, {@code VARCHAR}) and PostgreSQL's ({@code numeric(12,2)},
 * {@code timestamp(3) without time zone}, {@code character varying(20)}) map to the same kinds.
 *
 * @param name      the type as the warehouse spells it
 * @param precision integers: bits; decimals: digits (-1 when unconstrained); floats: bits;
 *                  timestamps and times: fractional-second digits; else -1
 * @param scale     decimals: digits after the point (-1 when unconstrained); else -1
 */
public record SqlType(String name, ValueKind kind, int precision, int scale) {
    private static final Pattern PARAMS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    public SqlType {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
    }

    /** Classifies a catalog type name. */
    public static SqlType parse(String name) {
        String t = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher params = PARAMS.matcher(t);
        int p1 = -1;
        int p2 = -1;
        if (params.find()) {
            p1 = Integer.parseInt(params.group(1));
            p2 = params.group(2) == null ? -1 : Integer.parseInt(params.group(2));
        }
        String base = PARAMS.matcher(t).replaceAll("").trim();
        if (base.endsWith("[]") || base.startsWith("struct") || base.startsWith("map") || base.startsWith("union")) {
            return new SqlType(name, ValueKind.OTHER, -1, -1);
        }
        return switch (base) {
            case "tinyint", "int1", "utinyint" -> integer(name, 8);
            case "smallint", "int2", "short", "usmallint" -> integer(name, 16);
            case "integer", "int", "int4", "signed", "uinteger" -> integer(name, 32);
            case "bigint", "int8", "long" -> integer(name, 64);
            // wider than a bigint: compared as whole decimals
            case "ubigint" -> new SqlType(name, ValueKind.DECIMAL, 20, 0);
            case "hugeint", "int128", "uhugeint" -> new SqlType(name, ValueKind.DECIMAL, 39, 0);
            case "boolean", "bool", "logical" -> new SqlType(name, ValueKind.BOOLEAN, -1, -1);
            case "decimal", "numeric", "dec" -> p1 < 0 && name.toLowerCase(Locale.ROOT).startsWith("decimal")
                    ? new SqlType(name, ValueKind.DECIMAL, 18, 3) // DuckDB's default DECIMAL
                    : new SqlType(name, ValueKind.DECIMAL, p1, p1 < 0 ? -1 : Math.max(p2, 0));
            case "real", "float4", "float" -> new SqlType(name, ValueKind.FLOAT, 32, -1);
            case "double", "double precision", "float8" -> new SqlType(name, ValueKind.FLOAT, 64, -1);
            case "date" -> new SqlType(name, ValueKind.DATE, -1, -1);
            case "timestamp", "datetime", "timestamp without time zone" -> new SqlType(name, ValueKind.TIMESTAMP, p1 < 0 ? 6 : p1, -1);
            case "timestamp_s" -> new SqlType(name, ValueKind.TIMESTAMP, 0, -1);
            case "timestamp_ms" -> new SqlType(name, ValueKind.TIMESTAMP, 3, -1);
            case "timestamp_us" -> new SqlType(name, ValueKind.TIMESTAMP, 6, -1);
            case "timestamp_ns" -> new SqlType(name, ValueKind.TIMESTAMP, 9, -1);
            case "timestamptz", "timestamp with time zone" -> new SqlType(name, ValueKind.TIMESTAMPTZ, p1 < 0 ? 6 : p1, -1);
            case "time", "time without time zone" -> new SqlType(name, ValueKind.TIME, p1 < 0 ? 6 : p1, -1);
            case "varchar", "text", "string", "char", "bpchar", "character", "character varying", "nvarchar", "name" ->
                    new SqlType(name, ValueKind.TEXT, -1, -1);
            case "uuid" -> new SqlType(name, ValueKind.UUID, -1, -1);
            default -> new SqlType(name, ValueKind.OTHER, -1, -1);
        };
    }

    private static SqlType integer(String name, int bits) {
        return new SqlType(name, ValueKind.INTEGER, bits, -1);
    }

    /** Digits before the decimal point a value of this type can have (integers and decimals), or -1 when unbounded. */
    public int integerDigits() {
        return switch (kind) {
            case BOOLEAN -> 1;
            case INTEGER -> switch (precision) {
                case 8 -> 3;
                case 16 -> 5;
                case 32 -> 10;
                default -> 19;
            };
            case DECIMAL -> precision < 0 ? -1 : precision - Math.max(scale, 0);
            default -> -1;
        };
    }

    /**
     * Whether two types are the same for the schema diff: same kind and same width, scale or precision,
     * whatever the warehouse calls them ({@code integer} and {@code INTEGER}, {@code text} and {@code VARCHAR}).
     */
    public boolean sameAs(SqlType other) {
        if (kind != other.kind) {
            return false;
        }
        return switch (kind) {
            case INTEGER, FLOAT, TIMESTAMP, TIMESTAMPTZ, TIME -> precision == other.precision;
            case DECIMAL -> precision == other.precision && scale == other.scale;
            case OTHER -> canonicalName().equals(other.canonicalName());
            default -> true;
        };
    }

    private String canonicalName() {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return name;
    }
}

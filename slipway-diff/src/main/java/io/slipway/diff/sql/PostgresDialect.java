package io.slipway.diff.sql;

import io.slipway.adapter.RelationInfo;
import io.slipway.diff.plan.SqlType;
import io.slipway.diff.plan.ValueKind;

/**
 * PostgreSQL: text compared under the "C" collation (byte order, as DuckDB), integer division with
 * {@code /}, {@code offset 0} to keep a row hash from being computed once per reference. Hex text casts to
 * a bigint from PostgreSQL 16; older servers go through {@code bit(60)}, which is several times slower.
 *
 * @param serverVersion {@code server_version_num}, e.g. 170002
 */
public record PostgresDialect(int serverVersion) implements Dialect {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String relation(RelationInfo r) {
        return quote(r.schema()) + "." + quote(r.identifier());
    }

    @Override
    public String textType() {
        return "text";
    }

    @Override
    public String doubleType() {
        return "double precision";
    }

    @Override
    public String decimal(String column, SqlType type, int scale) {
        if (scale < 0) {
            // numeric equality ignores trailing zeros; its text does not
            return type.kind() == ValueKind.DECIMAL ? "trim_scale(" + column + ")" : column;
        }
        return "cast(" + column + " as " + decimalType(scale) + ")";
    }

    @Override
    public String decimalType(int scale) {
        return scale < 0 ? "numeric" : "numeric(38," + scale + ")";
    }

    @Override
    public String timestamp(String column, SqlType type, int digits) {
        String base = switch (type.kind()) {
            case TIMESTAMPTZ -> "(" + column + " at time zone 'UTC')";
            case DATE -> "cast(" + column + " as timestamp)";
            default -> column;
        };
        int held = type.kind() == ValueKind.DATE ? 0 : type.precision();
        return digits >= held ? base : "date_trunc('" + DuckDbDialect.unit(digits) + "', " + base + ")";
    }

    /** Days and the time of day apart: both exact and several times cheaper than extract(epoch) as numeric. */
    @Override
    public String epoch(String column, SqlType type, int digits) {
        if (type.kind() == ValueKind.DATE) {
            return "(cast(" + column + " - date '1970-01-01' as bigint) * 86400000000)";
        }
        String utc = type.kind() == ValueKind.TIMESTAMPTZ ? "(" + column + " at time zone 'UTC')" : column;
        String micros = "(cast(cast(" + utc + " as date) - date '1970-01-01' as bigint) * 86400000000 + cast(round(date_part('epoch', cast("
                + utc + " as time)) * 1000000) as bigint))";
        return floorTo(micros, digits);
    }

    @Override
    public String binaryText(String textExpression) {
        return textExpression + " collate \"C\"";
    }

    @Override
    public String md5Bits(String textExpression) {
        if (serverVersion >= 160000) {
            return "cast('0x' || left(md5(" + textExpression + "), 15) as bigint)";
        }
        return "cast(cast('x' || left(md5(" + textExpression + "), 15) as bit(60)) as bigint)";
    }

    @Override
    public String nativeTextHash(String textExpression) {
        return "hashtextextended(" + textExpression + ", 0)";
    }

    @Override
    public String intDiv(String dividend, String divisor) {
        return "(" + dividend + ") / (" + divisor + ")";
    }

    @Override
    public String listAgg(String expression, String filter, int max) {
        return "(array_agg(" + expression + ") filter (where " + filter + "))[1:" + max + "]";
    }

    @Override
    public String inNumbers(String expression, java.util.List<Long> numbers) {
        return expression + " = any('{" + String.join(",", numbers.stream().map(String::valueOf).toList()) + "}'::bigint[])";
    }

    @Override
    public String inList(String expression, java.util.List<String> literals) {
        return expression + " = any(array[" + String.join(", ", literals) + "]::text[])";
    }

    @Override
    public String fingerprint(java.util.List<String> expressions) {
        return expressions.isEmpty() ? "0" : "row(" + String.join(", ", expressions) + ")";
    }

    @Override
    public String sample(double percent) {
        return " tablesample bernoulli (" + percent + ")";
    }

    @Override
    public String fence() {
        return " offset 0";
    }
}

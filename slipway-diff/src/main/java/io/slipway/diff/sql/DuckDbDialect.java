package io.slipway.diff.sql;

import io.slipway.adapter.RelationInfo;
import io.slipway.diff.plan.SqlType;
import io.slipway.diff.plan.ValueKind;

import java.util.List;

/** DuckDB: binary text order, {@code hash()} for whole rows, {@code //} for integer division. */
public final class DuckDbDialect implements Dialect {
    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String relation(RelationInfo r) {
        return (r.database() == null ? "" : quote(r.database()) + ".") + quote(r.schema()) + "." + quote(r.identifier());
    }

    @Override
    public String textType() {
        return "varchar";
    }

    @Override
    public String doubleType() {
        return "double";
    }

    @Override
    public String decimal(String column, SqlType type, int scale) {
        if (scale < 0) {
            return column;
        }
        return "cast(" + column + " as " + decimalType(scale) + ")";
    }

    @Override
    public String decimalType(int scale) {
        return scale < 0 ? "decimal(38,10)" : "decimal(38," + scale + ")";
    }

    @Override
    public String timestamp(String column, SqlType type, int digits) {
        String base = switch (type.kind()) {
            case TIMESTAMPTZ -> "timezone('UTC', " + column + ")";
            case DATE -> "cast(" + column + " as timestamp)";
            default -> type.precision() == 9 && digits == 9 ? column : "cast(" + column + " as timestamp)";
        };
        int held = type.kind() == ValueKind.DATE ? 0 : type.precision();
        return digits >= held ? base : "date_trunc('" + unit(digits) + "', " + base + ")";
    }

    @Override
    public String epoch(String column, SqlType type, int digits) {
        if (digits >= 9) {
            return "epoch_ns(" + column + ")";
        }
        String micros = type.kind() == ValueKind.DATE ? "epoch_us(cast(" + column + " as timestamp))" : "epoch_us(" + column + ")";
        return floorTo(micros, digits);
    }

    static String unit(int digits) {
        return digits >= 6 ? "microseconds" : digits >= 3 ? "milliseconds" : "second";
    }

    @Override
    public String binaryText(String textExpression) {
        return textExpression;
    }

    @Override
    public String md5Bits(String textExpression) {
        return "cast('0x' || left(md5(" + textExpression + "), 15) as bigint)";
    }

    @Override
    public String nativeTextHash(String textExpression) {
        return "hash(" + textExpression + ")";
    }

    @Override
    public String nativeRowHash(List<String> canonicalExpressions) {
        return "hash(" + String.join(", ", canonicalExpressions) + ")";
    }

    @Override
    public String keyHash(String bigintExpression) {
        return "hash(cast(" + bigintExpression + " as bigint))";
    }

    @Override
    public String rangeHashSum(long min, long max) {
        return "select sum(hash(i)) from range(" + min + ", " + max + " + 1) r(i)";
    }

    /** DuckDB builds one string faster with concat_ws than with a chain of ||. */
    @Override
    public String joined(List<String> texts, String separator) {
        return "concat_ws(" + separator + ", " + String.join(", ", texts) + ")";
    }

    @Override
    public String intDiv(String dividend, String divisor) {
        return "(" + dividend + ") // (" + divisor + ")";
    }

    @Override
    public String listAgg(String expression, String filter, int max) {
        return "list_slice(list(" + expression + ") filter (where " + filter + "), 1, " + max + ")";
    }

    @Override
    public String inNumbers(String expression, List<Long> numbers) {
        // a semi-join on a list: much faster than a long IN (...) for thousands of values
        return expression + " in (select unnest([" + String.join(", ", numbers.stream().map(String::valueOf).toList()) + "]))";
    }

    @Override
    public String inList(String expression, List<String> literals) {
        return expression + " in (select unnest([" + String.join(", ", literals) + "]))";
    }

    @Override
    public String fingerprint(List<String> expressions) {
        return expressions.isEmpty() ? "0" : "hash(" + String.join(", ", expressions) + ")";
    }

    @Override
    public String sample(double percent) {
        return " tablesample bernoulli(" + percent + "%)";
    }
}

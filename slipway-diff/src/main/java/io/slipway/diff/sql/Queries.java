package io.slipway.diff.sql;

import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** Runs diff SQL, turning warehouse failures into {@link DiffException}s that say where. */
public final class Queries {
    private Queries() {
    }

    /** The rows of a query. */
    public static List<List<Object>> rows(AdapterConnection connection, String sql, String where) {
        try {
            return connection.execute(sql, true, -1).rows();
        } catch (AdapterException e) {
            throw translate(e, where, sql);
        }
    }

    /** Runs a statement. */
    public static void run(AdapterConnection connection, String sql, String where) {
        try {
            connection.execute(sql, false, -1);
        } catch (AdapterException e) {
            throw translate(e, where, sql);
        }
    }

    private static DiffException translate(AdapterException e, String where, String sql) {
        if (e.code() == AdapterErrorCode.CANCELLED) {
            return new DiffException(DiffErrorCode.CANCELLED, "diff cancelled", e);
        }
        String shown = sql.length() > 2000 ? sql.substring(0, 2000) + " ..." : sql;
        return new DiffException(DiffErrorCode.DATABASE_ERROR, "query on " + where + " failed: " + e.getMessage() + "\n  SQL: " + shown, e);
    }

    /** A number the warehouse returned (any integer or decimal type) as a long; null as 0. */
    public static long asLong(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof BigInteger)) {
            return n.longValue();
        }
        return new BigDecimal(value.toString()).longValueExact();
    }

    /** A number the warehouse returned as a BigInteger (checksums exceed a long); null as 0. */
    public static BigInteger asBigInteger(Object value) {
        if (value == null) {
            return BigInteger.ZERO;
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        return new BigDecimal(value.toString()).toBigIntegerExact();
    }
}

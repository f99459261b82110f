package io.slipway.testkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A relation's row count and a checksum of its rows that ignores their order and compares across
 * warehouses: each row's values are written canonically (numbers of any type to six decimals, so DuckDB's
 * double and PostgreSQL's numeric agree; instants in UTC), hashed, and the hashes summed.
 */
public record TableDigest(long rows, String checksum) {
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(128);

    public static TableDigest of(List<List<Object>> rows) {
        BigInteger sum = BigInteger.ZERO;
        for (List<Object> row : rows) {
            StringBuilder text = new StringBuilder();
            for (Object value : row) {
                text.append(canonical(value)).append('\u001f');
            }
            sum = sum.add(new BigInteger(1, sha256(text.toString()), 0, 16)).mod(MODULUS);
        }
        return new TableDigest(rows.size(), String.format("%032x", sum));
    }

    /** How a value is written for the checksum. */
    static String canonical(Object value) {
        if (value == null) {
            return "\u2205";
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.toString();
        }
        if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return f.toString();
        }
        if (value instanceof Number n) {
            BigDecimal decimal = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            return decimal.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : list) {
                sb.append(canonical(item)).append(',');
            }
            return sb.append(']').toString();
        }
        return value.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.slipway.core.selection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The few Python value semantics dbt's selector methods rely on, for YAML-shaped Java values: {@code str()},
 * {@code ==} (numbers by value, {@code True == 1}) and truthiness ({@code bool()}).
 */
public final class PyValues {
    private PyValues() {
    }

    /** Python's {@code str(value)}: {@code None}, {@code True}, {@code 5}, {@code 1.5}, lists and dicts in repr form. */
    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
                return ((long) d) + ".0";
            }
            return Double.toString(d);
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Iterator<?> it = l.iterator(); it.hasNext(); ) {
                sb.append(repr(it.next()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        return value.toString();
    }

    private static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return str(value);
    }

    /** Python's {@code a == b} for YAML-shaped values. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        Object na = numeric(a);
        Object nb = numeric(b);
        if (na != null && nb != null) {
            if (isNonFinite(na) || isNonFinite(nb)) {
                return ((Number) na).doubleValue() == ((Number) nb).doubleValue();
            }
            return toBigDecimal(na).compareTo(toBigDecimal(nb)) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !equal(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python's {@code bool(value)}. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** Booleans count as 0 and 1, as in Python; null for anything that is not a number. */
    private static Object numeric(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof Number) {
            return v;
        }
        return null;
    }

    private static boolean isNonFinite(Object n) {
        if (n instanceof Double || n instanceof Float) {
            double d = ((Number) n).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d);
        }
        return false;
    }

    private static BigDecimal toBigDecimal(Object n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(((Number) n).doubleValue());
        }
        return BigDecimal.valueOf(((Number) n).longValue());
    }
}

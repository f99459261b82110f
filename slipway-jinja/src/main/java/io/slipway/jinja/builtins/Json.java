package io.slipway.jinja.builtins;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyFloat;
import io.slipway.jinja.runtime.PyMarkup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, sort_keys=True)} as Jinja2's {@code tojson} filter runs it, then made
 * safe for HTML ({@code < > & '} as {@code \u003c} and so on).
 */
final class Json {
    private Json() {
    }

    /** {@code indent} below zero means none (one line, {@code ", "} and {@code ": "} separators). */
    static String htmlSafeDumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0, new IdentityHashMap<>());
        String s = sb.toString();
        if (s.indexOf('<') < 0 && s.indexOf('>') < 0 && s.indexOf('&') < 0 && s.indexOf('\'') < 0) {
            return s;
        }
        return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027");
    }

    private static void write(StringBuilder sb, Object value, int indent, int level, IdentityHashMap<Object, Boolean> active) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof String || value instanceof PyMarkup) {
            quote(sb, Py.str(value));
        } else if (Py.isInt(value)) {
            sb.append(value instanceof BigInteger ? value.toString() : Long.toString(((Number) value).longValue()));
        } else if (value instanceof Double || value instanceof Float) {
            sb.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Map<?, ?> m) {
            enter(value, active);
            writeObject(sb, m, indent, level, active);
            active.remove(value);
        } else if ((Py.isList(value) || Py.isTuple(value)) && value instanceof List<?> l) {
            enter(value, active);
            if (l.isEmpty()) {
                sb.append("[]");
            } else {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        sb.append(indent < 0 ? ", " : ",");
                    }
                    newline(sb, indent, level + 1);
                    write(sb, l.get(i), indent, level + 1, active);
                }
                newline(sb, indent, level);
                sb.append(']');
            }
            active.remove(value);
        } else {
            String type = value instanceof java.math.BigDecimal ? "Decimal" : Py.typeName(value);
            throw JinjaException.python("TypeError", "Object of type " + type + " is not JSON serializable");
        }
    }

    private static void enter(Object value, IdentityHashMap<Object, Boolean> active) {
        if (active.put(value, Boolean.TRUE) != null) {
            throw JinjaException.python("ValueError", "Circular reference detected");
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void writeObject(StringBuilder sb, Map<?, ?> m, int indent, int level, IdentityHashMap<Object, Boolean> active) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        List<Object> keys = new ArrayList<>(m.keySet());
        SequenceFilters.sortBy(null, keys, k -> k, false);
        sb.append('{');
        boolean first = true;
        for (Object key : keys) {
            String k;
            if (key instanceof String || key instanceof PyMarkup) {
                k = Py.str(key);
            } else if (key instanceof Double || key instanceof Float) {
                k = floatText(((Number) key).doubleValue());
            } else if (key instanceof Boolean b) {
                k = b ? "true" : "false";
            } else if (Py.isInt(key)) {
                k = key.toString();
            } else if (key == null) {
                k = "null";
            } else {
                throw JinjaException.python("TypeError", "keys must be str, int, float, bool or None, not " + Py.typeName(key));
            }
            if (!first) {
                sb.append(indent < 0 ? ", " : ",");
            }
            first = false;
            newline(sb, indent, level + 1);
            quote(sb, k);
            sb.append(": ");
            write(sb, m.get(key), indent, level + 1, active);
        }
        newline(sb, indent, level);
        sb.append('}');
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(d);
    }

    /** A JSON string with json's ensure_ascii escapes. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        String h = Integer.toHexString(c);
                        sb.append("\\u").append("0".repeat(4 - h.length())).append(h);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}

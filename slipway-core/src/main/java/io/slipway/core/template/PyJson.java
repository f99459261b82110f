package io.slipway.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.project.Yaml;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's {@code json.dumps} and {@code json.loads} for template values, as dbt's {@code tojson}/{@code fromjson} use them. */
public final class PyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PyJson() {
    }

    /** {@code json.dumps(value, sort_keys=sortKeys)}: {@code ", "} and {@code ": "} separators, non-ASCII escaped. */
    public static String dumps(Object value, boolean sortKeys) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, sortKeys);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, boolean sortKeys) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Py.repr(d));
        } else if (value instanceof BigDecimal bd) {
            sb.append(bd.toPlainString());
        } else if (value instanceof Number n) {
            sb.append(n);
        } else if (value instanceof String s) {
            string(sb, s);
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            List<? extends Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            }
            boolean first = true;
            for (Map.Entry<?, ?> e : entries) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                Object k = e.getKey();
                string(sb, k instanceof String s ? s : Py.str(k));
                sb.append(": ");
                write(sb, e.getValue(), sortKeys);
            }
            sb.append('}');
        } else if (value instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                write(sb, o, sortKeys);
            }
            sb.append(']');
        } else if (value instanceof PyObject p) {
            string(sb, p.str());
        } else {
            string(sb, Py.str(value));
        }
    }

    private static void string(StringBuilder sb, String s) {
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
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code json.loads(text)} as plain template values. */
    public static Object loads(String text) throws java.io.IOException {
        JsonNode node = MAPPER.readTree(text);
        return Yaml.toJava(node);
    }
}

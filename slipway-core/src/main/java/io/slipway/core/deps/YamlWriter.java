package io.slipway.core.deps;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes YAML the way dbt writes package-lock.yml and packages.yml (PyYAML, block style, keys sorted, list
 * items indented under their key), quoting a string only when it would otherwise read back as something else.
 */
final class YamlWriter {
    private static final Pattern PLAIN = Pattern.compile("^[A-Za-z0-9_./<$()=+~^\\\\][A-Za-z0-9_./:@<>$()=+~^\\\\ ,-]*$");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)$");
    private static final Pattern RESERVED = Pattern.compile("^(?i:y|n|yes|no|true|false|on|off|null|~|\\.inf|\\.nan)$");

    private YamlWriter() {
    }

    /** A mapping as a YAML document. */
    static String write(Map<String, Object> document) {
        StringBuilder out = new StringBuilder();
        if (document.isEmpty()) {
            return "{}\n";
        }
        mapping(out, document, 0, false);
        return out.toString();
    }

    /** A mapping's keys at {@code indent}; after a list dash the first key continues the dash's line. */
    private static void mapping(StringBuilder out, Map<String, Object> map, int indent, boolean afterDash) {
        boolean first = true;
        for (Map.Entry<String, Object> e : new TreeMap<>(map).entrySet()) {
            if (!(first && afterDash)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(scalar(e.getKey())).append(':');
            value(out, e.getValue(), indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            mapping(out, (Map<String, Object>) m, indent + 2, false);
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            out.append('\n');
            for (Object item : l) {
                out.append(" ".repeat(indent + 2)).append("- ");
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    mapping(out, (Map<String, Object>) m, indent + 4, true);
                } else {
                    out.append(inline(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(inline(value)).append('\n');
        }
    }

    private static String inline(Object value) {
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(YamlWriter::inline).toList()) + "]";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return scalar(value.toString());
    }

    /** A string as a plain scalar when that reads back as the same string, else single-quoted. */
    static String scalar(String s) {
        if (!s.isEmpty() && PLAIN.matcher(s).matches() && !NUMBER.matcher(s).matches() && !RESERVED.matcher(s).matches()
                && !s.endsWith(" ") && !s.contains(" #") && !s.contains(": ") && !s.endsWith(":")) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code pprint.pformat(value)} (width 80, indent 1, dict keys sorted) for the {@code pprint}
 * filter: the repr when it fits, else one item per line.
 */
final class PrettyPrint {
    private PrettyPrint() {
    }

    private static final int WIDTH = 80;

    static String pformat(Object value) {
        StringBuilder sb = new StringBuilder();
        format(sb, value, 0, 0, 0);
        return sb.toString();
    }

    /** pprint's {@code safe_repr}: the repr with dict keys sorted. */
    static String repr(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Object[] kv : sortedItems(m)) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(repr(kv[0])).append(": ").append(repr(kv[1]));
            }
            return sb.append('}').toString();
        }
        if (Py.isList(value) || value instanceof PyTuple) {
            List<?> l = (List<?>) value;
            StringBuilder sb = new StringBuilder(value instanceof PyTuple ? "(" : "[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.get(i)));
            }
            if (value instanceof PyTuple && l.size() == 1) {
                sb.append(',');
            }
            return sb.append(value instanceof PyTuple ? ')' : ']').toString();
        }
        return Py.repr(value);
    }

    private static List<Object[]> sortedItems(Map<?, ?> m) {
        List<Object[]> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            items.add(new Object[] {e.getKey(), e.getValue()});
        }
        items.sort((a, b) -> {
            try {
                if (Py.compare("<", a[0], b[0])) {
                    return -1;
                }
                return Py.compare("<", b[0], a[0]) ? 1 : 0;
            } catch (JinjaException e) {
                // pprint falls back to ordering by type name for keys that do not compare
                return ("<class '" + Py.typeName(a[0]) + "'>").compareTo("<class '" + Py.typeName(b[0]) + "'>");
            }
        });
        return items;
    }

    private static void format(StringBuilder sb, Object value, int indent, int allowance, int level) {
        String rep = repr(value);
        int maxWidth = WIDTH - indent - allowance;
        if (Py.len(rep) > maxWidth) {
            if (value instanceof Map<?, ?> m && !m.isEmpty()) {
                sb.append('{');
                formatDictItems(sb, sortedItems(m), indent, allowance + 1, level + 1);
                sb.append('}');
                return;
            }
            if (Py.isList(value) && !((List<?>) value).isEmpty()) {
                sb.append('[');
                formatItems(sb, (List<?>) value, indent, allowance + 1, level + 1);
                sb.append(']');
                return;
            }
            if (value instanceof PyTuple t && !t.isEmpty()) {
                String end = t.size() == 1 ? ",)" : ")";
                sb.append('(');
                formatItems(sb, t, indent, allowance + end.length(), level + 1);
                sb.append(end);
                return;
            }
            if (value instanceof String s && !s.isEmpty()) {
                formatStr(sb, s, indent, allowance, level + 1, rep);
                return;
            }
        }
        sb.append(rep);
    }

    private static void formatDictItems(StringBuilder sb, List<Object[]> items, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            String rep = repr(items.get(i)[0]);
            sb.append(rep).append(": ");
            format(sb, items.get(i)[1], indent + Py.len(rep) + 2, last ? allowance : 1, level);
            if (!last) {
                sb.append(delim);
            }
        }
    }

    private static void formatItems(StringBuilder sb, List<?> items, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            if (i > 0) {
                sb.append(delim);
            }
            format(sb, items.get(i), indent, last ? allowance : 1, level);
        }
    }

    private static final Pattern PARTS = Pattern.compile("\\S*\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    private static void formatStr(StringBuilder sb, String s, int indent, int allowance, int level, String rep) {
        List<String> chunks = new ArrayList<>();
        List<Object> lines = StrMethods.splitlines(s, true);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        int maxWidth1 = WIDTH - indent;
        int maxWidth = maxWidth1;
        for (int i = 0; i < lines.size(); i++) {
            String line = (String) lines.get(i);
            String lineRep = Py.repr(line);
            if (i == lines.size() - 1) {
                maxWidth1 -= allowance;
            }
            if (Py.len(lineRep) <= maxWidth1) {
                chunks.add(lineRep);
                continue;
            }
            List<String> parts = new ArrayList<>();
            Matcher m = PARTS.matcher(line);
            while (m.find()) {
                if (!m.group().isEmpty()) {
                    parts.add(m.group());
                }
            }
            int maxWidth2 = maxWidth;
            String current = "";
            for (int j = 0; j < parts.size(); j++) {
                String candidate = current + parts.get(j);
                if (j == parts.size() - 1 && i == lines.size() - 1) {
                    maxWidth2 -= allowance;
                }
                if (Py.len(Py.repr(candidate)) > maxWidth2) {
                    if (!current.isEmpty()) {
                        chunks.add(Py.repr(current));
                    }
                    current = parts.get(j);
                } else {
                    current = candidate;
                }
            }
            if (!current.isEmpty()) {
                chunks.add(Py.repr(current));
            }
        }
        if (chunks.size() == 1) {
            sb.append(rep);
            return;
        }
        if (level == 1) {
            sb.append('(');
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                sb.append('\n').append(" ".repeat(indent));
            }
            sb.append(chunks.get(i));
        }
        if (level == 1) {
            sb.append(')');
        }
    }
}

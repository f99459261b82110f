package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.Macro;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.Undefined;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's {@code str()} and {@code repr()} of template values, as CPython prints them. */
final class PyText {
    private PyText() {
    }

    static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return PyFloat.repr(d);
        }
        if (value instanceof Float f) {
            return PyFloat.repr(f.doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return d.toString();
        }
        if (value instanceof PyMarkup m) {
            return m.text();
        }
        if (value instanceof UndefinedValue u) {
            return u.str();
        }
        if (value instanceof Undefined) {
            return "";
        }
        if (value instanceof PyObject o) {
            return o.str();
        }
        return repr(value);
    }

    static String repr(Object value) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, value, null);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object value, List<Object> active) {
        if (value instanceof String s) {
            appendQuoted(sb, s);
            return;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            if (value instanceof BigDecimal d) {
                sb.append("Decimal('").append(d).append("')");
                return;
            }
            sb.append(str(value));
            return;
        }
        if (value instanceof PyMarkup m) {
            sb.append("Markup(");
            appendQuoted(sb, m.text());
            sb.append(')');
            return;
        }
        if (value instanceof Undefined) {
            sb.append("Undefined");
            return;
        }
        if (value instanceof PyRange r) {
            sb.append(r.repr());
            return;
        }
        if (value instanceof PyGenerator g) {
            sb.append(g.repr());
            return;
        }
        if (value instanceof PyObject o) {
            sb.append(o.repr());
            return;
        }
        if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof Collection<?>) {
            for (int i = 0; active != null && i < active.size(); i++) {
                if (active.get(i) == value) {
                    sb.append(value instanceof Map<?, ?> ? "{...}" : (value instanceof PyTuple ? "(...)" : "[...]"));
                    return;
                }
            }
            if (active == null) {
                active = new ArrayList<>(4);
            }
            active.add(value);
            try {
                appendContainer(sb, value, active);
            } finally {
                active.remove(active.size() - 1);
            }
            return;
        }
        if (value instanceof Macro) {
            sb.append("<Macro>");
            return;
        }
        if (value instanceof JinjaCallable) {
            sb.append("<function>");
            return;
        }
        if (value instanceof Character c) {
            appendQuoted(sb, c.toString());
            return;
        }
        // a host Java object outside the value model: its own text is the most useful rendering
        sb.append(value);
    }

    private static void appendContainer(StringBuilder sb, Object value, List<Object> active) {
        if (value instanceof PyTuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendRepr(sb, t.get(i), active);
            }
            if (t.size() == 1) {
                sb.append(',');
            }
            sb.append(')');
        } else if (value instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendRepr(sb, l.get(i), active);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendRepr(sb, e.getKey(), active);
                sb.append(": ");
                appendRepr(sb, e.getValue(), active);
            }
            sb.append('}');
        } else if (value instanceof PyDictView v) {
            sb.append(v.pythonTypeName()).append("([");
            appendItems(sb, v, active);
            sb.append("])");
        } else if (value instanceof Set<?> s) {
            if (s.isEmpty()) {
                sb.append("set()");
                return;
            }
            sb.append('{');
            appendItems(sb, s, active);
            sb.append('}');
        } else {
            sb.append('[');
            appendItems(sb, (Collection<?>) value, active);
            sb.append(']');
        }
    }

    private static void appendItems(StringBuilder sb, Collection<?> items, List<Object> active) {
        boolean first = true;
        for (Object o : items) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            appendRepr(sb, o, active);
        }
    }

    /** Python's quoting: single quotes unless the text has a single quote and no double quote. */
    static void appendQuoted(StringBuilder sb, String s) {
        char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        sb.append(quote);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.append((char) cp);
            } else if (cp < 0x7f || cp == 0x7f || !isPrintable(cp)) {
                if (cp < 0x100) {
                    sb.append("\\x").append(hex(cp, 2));
                } else if (cp < 0x10000) {
                    sb.append("\\u").append(hex(cp, 4));
                } else {
                    sb.append("\\U").append(hex(cp, 8));
                }
            } else {
                sb.appendCodePoint(cp);
            }
        }
        sb.append(quote);
    }

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    /** Python's {@code str.isprintable()} for one code point. */
    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}

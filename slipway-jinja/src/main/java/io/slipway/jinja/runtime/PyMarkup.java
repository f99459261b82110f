package io.slipway.jinja.runtime;

import java.util.Objects;

/**
 * MarkupSafe's {@code Markup}: a str marked safe, as {@code |safe}, {@code |escape} and {@code |tojson} return
 * it. It prints as its text, but escapes what is combined with it ({@code markup + '<'} gives {@code &lt;})
 * and {@code |escape} leaves it alone.
 */
public record PyMarkup(String text) implements CharSequence, PyTyped {
    public PyMarkup {
        Objects.requireNonNull(text, "text is null");
    }

    /** MarkupSafe's {@code escape}: Markup unchanged, anything else as its str with {@code & < > ' "} escaped. */
    public static PyMarkup escape(Object value) {
        if (value instanceof PyMarkup m) {
            return m;
        }
        return new PyMarkup(escapeText(Py.str(value)));
    }

    /** Escapes {@code & < > ' "} as MarkupSafe does ({@code &#39;} and {@code &#34;} for the quotes). */
    public static String escapeText(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '\'' || c == '"') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&#39;");
                case '"' -> sb.append("&#34;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public String pythonTypeName() {
        return "Markup";
    }

    @Override
    public String pythonModule() {
        return "markupsafe";
    }
}

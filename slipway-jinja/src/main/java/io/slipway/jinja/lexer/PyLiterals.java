package io.slipway.jinja.lexer;

/** Python's rules for characters and string literals, as the lexer and error messages need them. */
public final class PyLiterals {
    private PyLiterals() {
    }

    /** Python's {@code str.isspace()} (also what {@code \s} matches in a str pattern). */
    public static boolean isWhitespace(int c) {
        return switch (c) {
            case ' ', '\t', '\n', '\r', 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f,
                    0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }

    /** Python's {@code s.rstrip()}. */
    public static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Decodes the body of a string literal as Jinja2 does ({@code unicode-escape} after
     * {@code backslashreplace}): Python's escapes, line continuation, unknown escapes kept as written.
     *
     * @throws IllegalArgumentException with Python's message (e.g. {@code truncated \xXX escape})
     */
    public static String decode(String body) {
        int backslash = body.indexOf('\\');
        if (backslash < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        sb.append(body, 0, backslash);
        int i = backslash;
        int n = body.length();
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("\\ at end of string");
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    int digits = 1;
                    while (digits < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                        value = value * 8 + (body.charAt(i) - '0');
                        i++;
                        digits++;
                    }
                    sb.appendCodePoint(value);
                }
                case 'x' -> i = hex(body, i, 2, sb, "truncated \\xXX escape");
                case 'u' -> i = hex(body, i, 4, sb, "truncated \\uXXXX escape");
                case 'U' -> i = hex(body, i, 8, sb, "truncated \\UXXXXXXXX escape");
                case 'N' -> i = named(body, i, sb);
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    private static int hex(String body, int i, int count, StringBuilder sb, String error) {
        if (i + count > body.length()) {
            throw new IllegalArgumentException(error);
        }
        long value = 0;
        for (int k = 0; k < count; k++) {
            char h = body.charAt(i + k);
            int d = h > 0x7f ? -1 : Character.digit(h, 16);
            if (d < 0) {
                throw new IllegalArgumentException(error);
            }
            value = value * 16 + d;
        }
        if (value > 0x10ffff) {
            throw new IllegalArgumentException("illegal Unicode character");
        }
        sb.appendCodePoint((int) value);
        return i + count;
    }

    private static int named(String body, int i, StringBuilder sb) {
        if (i >= body.length() || body.charAt(i) != '{') {
            throw new IllegalArgumentException("malformed \\N character escape");
        }
        int close = body.indexOf('}', i);
        if (close < 0 || close == i + 1) {
            throw new IllegalArgumentException("malformed \\N character escape");
        }
        String name = body.substring(i + 1, close);
        int cp;
        try {
            cp = Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Unicode character name");
        }
        sb.appendCodePoint(cp);
        return close + 1;
    }

    /** Python's {@code repr(s)} for a str. */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isPrintable(c)) {
                sb.appendCodePoint(c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        return sb.append(quote).toString();
    }

    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}

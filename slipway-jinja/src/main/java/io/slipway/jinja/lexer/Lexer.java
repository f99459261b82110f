package io.slipway.jinja.lexer;

import io.slipway.jinja.JinjaException;

import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * Jinja2's lexer for the default delimiters, producing tokens on demand as Jinja2's token stream does
 * (so a syntax error late in the template is only seen if the parser gets that far). Not thread-safe:
 * one instance per parse.
 *
 * <p>Newlines ({@code \r\n}, {@code \r}, {@code \n}) are normalized to {@code \n} and, unless
 * {@code keepTrailingNewline}, one final newline is dropped, as Jinja2 does before lexing.
 */
public final class Lexer {
    private enum State { ROOT, BLOCK, VARIABLE }

    private final String src;
    private final int length;
    private final String templateName;
    private final boolean trimBlocks;
    private final boolean lstripBlocks;

    private final ArrayDeque<Token> pending = new ArrayDeque<>(2);
    /** One String per distinct name, so scopes mostly compare names by identity. */
    private final java.util.HashMap<String, String> names = new java.util.HashMap<>();
    private final StringBuilder balancing = new StringBuilder();
    private State state = State.ROOT;
    private int pos;
    private int line = 1;
    private boolean lineStarting = true;

    public Lexer(String source, String templateName, boolean trimBlocks, boolean lstripBlocks, boolean keepTrailingNewline) {
        this.src = normalize(source, keepTrailingNewline);
        this.length = src.length();
        this.templateName = templateName;
        this.trimBlocks = trimBlocks;
        this.lstripBlocks = lstripBlocks;
    }

    /** The source as Jinja2 lexes it: newlines normalized, one final newline dropped unless kept. */
    public static String normalize(String source, boolean keepTrailingNewline) {
        String s = source;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        if (!keepTrailingNewline && s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The normalized source (line numbers and error positions refer to it). */
    public String source() {
        return src;
    }

    /** The next token; {@link TokenType#EOF} at the end, repeatedly. */
    public Token next() {
        while (pending.isEmpty()) {
            if (state == State.ROOT) {
                if (pos >= length) {
                    return new Token(TokenType.EOF, "", line);
                }
                lexRoot();
            } else {
                if (pos >= length) {
                    return new Token(TokenType.EOF, "", line);
                }
                lexTag();
            }
        }
        return pending.poll();
    }

    private JinjaException error(String message, int atLine) {
        return SyntaxErrors.syntaxError(message, templateName, src, atLine, pos < length ? column(pos) : 0);
    }

    /** The 1-based column of a source offset (for error messages; Jinja2 reports none). */
    private int column(int offset) {
        return offset - (src.lastIndexOf('\n', offset - 1) + 1) + 1;
    }

    // ---------------------------------------------------------------- root: text, comments, raw blocks

    private void lexRoot() {
        int p = pos;
        int rawEnd = -1;
        char kind = 0;
        while (true) {
            p = src.indexOf('{', p);
            if (p < 0 || p + 1 >= length) {
                p = -1;
                break;
            }
            char c = src.charAt(p + 1);
            if (c == '%') {
                rawEnd = matchRawBegin(p);
                kind = '%';
                break;
            }
            if (c == '{' || c == '#') {
                kind = c;
                break;
            }
            p++;
        }
        if (p < 0) {
            String data = src.substring(pos);
            pending.add(new Token(TokenType.DATA, data, line));
            line += countNewlines(src, pos, length);
            pos = length;
            return;
        }
        char sign = p + 2 < length ? src.charAt(p + 2) : 0;
        if (sign != '-' && sign != '+') {
            sign = 0;
        }
        if (rawEnd >= 0) {
            sign = rawSign(p);
        }
        emitText(pos, p, sign, kind != '{');
        if (rawEnd >= 0) {
            line += countNewlines(src, p, rawEnd);
            lineStarting = src.charAt(rawEnd - 1) == '\n';
            pos = rawEnd;
            lexRaw();
            return;
        }
        int after = p + 2 + (sign != 0 ? 1 : 0);
        lineStarting = false;
        pos = after;
        switch (kind) {
            case '{' -> {
                pending.add(new Token(TokenType.VARIABLE_BEGIN, "{{", line, column(p)));
                state = State.VARIABLE;
            }
            case '%' -> {
                pending.add(new Token(TokenType.BLOCK_BEGIN, "{%", line, column(p)));
                state = State.BLOCK;
            }
            default -> lexComment();
        }
    }

    /** Emits the text {@code src[from, to)} before a tag, after the tag's whitespace control. */
    private void emitText(int from, int to, char sign, boolean lstripAllowed) {
        String text = src.substring(from, to);
        if (sign == '-') {
            text = PyLiterals.rstrip(text);
        } else if (sign != '+' && lstripBlocks && lstripAllowed) {
            int lpos = text.lastIndexOf('\n') + 1;
            if ((lpos > 0 || lineStarting) && lpos < text.length() && allWhitespace(text, lpos)) {
                text = text.substring(0, lpos);
            }
        }
        if (!text.isEmpty()) {
            pending.add(new Token(TokenType.DATA, text, line));
        }
        line += countNewlines(src, from, to);
    }

    /** End of {@code {% raw %}} starting at {@code p}, or -1. */
    private int matchRawBegin(int p) {
        int i = p + 2;
        if (i < length && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            i++;
        }
        i = skipWhitespace(i);
        if (!src.startsWith("raw", i)) {
            return -1;
        }
        i = skipWhitespace(i + 3);
        if (src.startsWith("-%}", i)) {
            return skipWhitespace(i + 3);
        }
        if (src.startsWith("%}", i)) {
            return i + 2;
        }
        return -1;
    }

    private char rawSign(int p) {
        char c = p + 2 < length ? src.charAt(p + 2) : 0;
        return c == '-' || c == '+' ? c : 0;
    }

    private void lexRaw() {
        int q = pos;
        while (true) {
            q = src.indexOf("{%", q);
            if (q < 0) {
                throw error("Missing end of raw directive", line);
            }
            int end = matchEndRaw(q);
            if (end >= 0) {
                char sign = src.charAt(q + 2);
                if (sign != '-' && sign != '+') {
                    sign = 0;
                }
                emitText(pos, q, sign, true);
                line += countNewlines(src, q, end);
                lineStarting = src.charAt(end - 1) == '\n';
                pos = end;
                return;
            }
            q++;
        }
    }

    private int matchEndRaw(int q) {
        int i = q + 2;
        if (i < length && (src.charAt(i) == '-' || src.charAt(i) == '+')) {
            int end = matchEndRawAfterSign(i + 1);
            if (end >= 0) {
                return end;
            }
        }
        return matchEndRawAfterSign(i);
    }

    private int matchEndRawAfterSign(int i) {
        i = skipWhitespace(i);
        if (!src.startsWith("endraw", i)) {
            return -1;
        }
        i = skipWhitespace(i + 6);
        return matchBlockEnd(i);
    }

    /** End of {@code +%}}, {@code -%}\s*} or {@code %}} (plus one newline with trim_blocks) at {@code i}, or -1. */
    private int matchBlockEnd(int i) {
        if (src.startsWith("+%}", i)) {
            return i + 3;
        }
        if (src.startsWith("-%}", i)) {
            return skipWhitespace(i + 3);
        }
        if (src.startsWith("%}", i)) {
            int end = i + 2;
            if (trimBlocks && end < length && src.charAt(end) == '\n') {
                end++;
            }
            return end;
        }
        return -1;
    }

    private void lexComment() {
        int k = src.indexOf("#}", pos);
        if (k < 0) {
            throw error("Missing end of comment tag", line);
        }
        int end;
        int q = k;
        if (k - 1 >= pos && src.charAt(k - 1) == '+') {
            q = k - 1;
            end = k + 2;
        } else if (k - 1 >= pos && src.charAt(k - 1) == '-') {
            q = k - 1;
            end = skipWhitespace(k + 2);
        } else {
            end = k + 2;
            if (trimBlocks && end < length && src.charAt(end) == '\n') {
                end++;
            }
        }
        line += countNewlines(src, pos, q) + countNewlines(src, q, end);
        lineStarting = src.charAt(end - 1) == '\n';
        pos = end;
    }

    // ---------------------------------------------------------------- inside {{ }} and {% %}

    private void lexTag() {
        if (balancing.length() == 0) {
            int end = state == State.BLOCK ? matchBlockEnd(pos) : matchVariableEnd(pos);
            if (end >= 0) {
                TokenType type = state == State.BLOCK ? TokenType.BLOCK_END : TokenType.VARIABLE_END;
                pending.add(new Token(type, src.substring(pos, end), line, column(pos)));
                line += countNewlines(src, pos, end);
                lineStarting = src.charAt(end - 1) == '\n';
                pos = end;
                state = State.ROOT;
                return;
            }
        }
        char c = src.charAt(pos);
        if (PyLiterals.isWhitespace(c)) {
            int end = skipWhitespace(pos);
            line += countNewlines(src, pos, end);
            pos = end;
            return;
        }
        if (c >= '0' && c <= '9') {
            int end = matchFloat(pos);
            if (end > 0) {
                String text = src.substring(pos, end).replace("_", "");
                pending.add(new Token(TokenType.FLOAT, Double.parseDouble(text), line, column(pos)));
                pos = end;
                return;
            }
            end = matchInteger(pos);
            pending.add(new Token(TokenType.INTEGER, integerValue(src.substring(pos, end).replace("_", "")), line, column(pos)));
            pos = end;
            return;
        }
        if (isWordChar(src.codePointAt(pos))) {
            int end = pos;
            while (end < length && isWordChar(src.codePointAt(end))) {
                end += Character.charCount(src.codePointAt(end));
            }
            String name = src.substring(pos, end);
            if (!isIdentifier(name)) {
                throw error("Invalid character in identifier", line);
            }
            String canonical = names.putIfAbsent(name, name);
            pending.add(new Token(TokenType.NAME, canonical != null ? canonical : name, line, column(pos)));
            pos = end;
            return;
        }
        if (c == '\'' || c == '"') {
            int end = matchString(pos, c);
            if (end > 0) {
                String body = src.substring(pos + 1, end - 1);
                String value;
                try {
                    value = PyLiterals.decode(body);
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage(), line);
                }
                pending.add(new Token(TokenType.STRING, value, line, column(pos)));
                line += countNewlines(src, pos, end);
                pos = end;
                return;
            }
        }
        String op = matchOperator(pos);
        if (op == null) {
            throw error("unexpected char " + PyLiterals.repr(String.valueOf(c)) + " at " + pos, line);
        }
        balance(op);
        pending.add(new Token(TokenType.operator(op), op, line, column(pos)));
        pos += op.length();
    }

    private int matchVariableEnd(int i) {
        if (src.startsWith("-}}", i)) {
            return skipWhitespace(i + 3);
        }
        if (src.startsWith("}}", i)) {
            return i + 2;
        }
        return -1;
    }

    private void balance(String op) {
        switch (op) {
            case "{" -> balancing.append('}');
            case "(" -> balancing.append(')');
            case "[" -> balancing.append(']');
            case "}", ")", "]" -> {
                if (balancing.length() == 0) {
                    throw error("unexpected '" + op + "'", line);
                }
                char expected = balancing.charAt(balancing.length() - 1);
                balancing.setLength(balancing.length() - 1);
                if (expected != op.charAt(0)) {
                    throw error("unexpected '" + op + "', expected '" + expected + "'", line);
                }
            }
            default -> { }
        }
    }

    private static final String SINGLE_OPERATORS = "+-/*%~[](){}><=.:|,;";
    private static final String[] SINGLE_OPERATOR_STRINGS = SINGLE_OPERATORS.chars()
            .mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new);

    private String matchOperator(int i) {
        char c = src.charAt(i);
        if (i + 1 < length) {
            char d = src.charAt(i + 1);
            if (c == '*' && d == '*') {
                return "**";
            }
            if (c == '/' && d == '/') {
                return "//";
            }
            if (d == '=' && (c == '=' || c == '!' || c == '>' || c == '<')) {
                return c == '=' ? "==" : c == '!' ? "!=" : c == '>' ? ">=" : "<=";
            }
        }
        int k = SINGLE_OPERATORS.indexOf(c);
        return k >= 0 ? SINGLE_OPERATOR_STRINGS[k] : null;
    }

    /** End of {@code (\d+_)*\d+} at {@code i}, or -1. */
    private int digits(int i) {
        if (i >= length || !isDigit(src.charAt(i))) {
            return -1;
        }
        int end = i;
        while (true) {
            while (end < length && isDigit(src.charAt(end))) {
                end++;
            }
            if (end + 1 < length && src.charAt(end) == '_' && isDigit(src.charAt(end + 1))) {
                end++;
                continue;
            }
            return end;
        }
    }

    /** End of Jinja2's float pattern at {@code i}, or -1. */
    private int matchFloat(int i) {
        if (i > 0 && src.charAt(i - 1) == '.') {
            return -1;
        }
        int mantissa = digits(i);
        if (mantissa < 0) {
            return -1;
        }
        int afterFraction = -1;
        if (mantissa < length && src.charAt(mantissa) == '.') {
            afterFraction = digits(mantissa + 1);
        }
        int expAt = afterFraction > 0 ? afterFraction : mantissa;
        int exp = matchExponent(expAt);
        if (exp < 0 && afterFraction > 0) {
            exp = matchExponent(mantissa);
            if (exp < 0) {
                return afterFraction;
            }
        }
        return exp;
    }

    private int matchExponent(int i) {
        if (i >= length || (src.charAt(i) != 'e' && src.charAt(i) != 'E')) {
            return -1;
        }
        int j = i + 1;
        if (j < length && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
            j++;
        }
        return digits(j);
    }

    /** End of Jinja2's integer pattern at {@code i} (which is a digit). */
    private int matchInteger(int i) {
        if (src.charAt(i) == '0' && i + 1 < length) {
            char base = Character.toLowerCase(src.charAt(i + 1));
            String allowed = base == 'b' ? "01" : base == 'o' ? "01234567" : base == 'x' ? "0123456789abcdef" : null;
            if (allowed != null) {
                int end = i + 2;
                while (true) {
                    int j = end < length && src.charAt(end) == '_' ? end + 1 : end;
                    if (j < length && allowed.indexOf(Character.toLowerCase(src.charAt(j))) >= 0) {
                        end = j + 1;
                    } else {
                        break;
                    }
                }
                if (end > i + 2) {
                    return end;
                }
            }
        }
        char first = src.charAt(i);
        int end = i + 1;
        while (true) {
            int j = end < length && src.charAt(end) == '_' ? end + 1 : end;
            if (j < length && (first == '0' ? src.charAt(j) == '0' : isDigit(src.charAt(j)))) {
                end = j + 1;
            } else {
                return end;
            }
        }
    }

    private static Object integerValue(String text) {
        int radix = 10;
        String digits = text;
        if (text.length() > 2 && text.charAt(0) == '0') {
            char b = Character.toLowerCase(text.charAt(1));
            if (b == 'b' || b == 'o' || b == 'x') {
                radix = b == 'b' ? 2 : b == 'o' ? 8 : 16;
                digits = text.substring(2);
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** End (after the closing quote) of a string literal at {@code i}, or -1 if it is not closed. */
    private int matchString(int i, char quote) {
        int j = i + 1;
        while (j < length) {
            char c = src.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- helpers

    private int skipWhitespace(int i) {
        while (i < length && PyLiterals.isWhitespace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean allWhitespace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!PyLiterals.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int countNewlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Python's {@code \w}. */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONNECTOR_PUNCTUATION || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isIdentifier(String name) {
        int first = name.codePointAt(0);
        if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!(cp == '_' || Character.isUnicodeIdentifierPart(cp)) || Character.isIdentifierIgnorable(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}

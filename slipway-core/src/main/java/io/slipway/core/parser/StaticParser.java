package io.slipway.core.parser;

import io.slipway.core.manifest.RefCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dbt's static parser idea: a model whose only Jinja is {@code {{ ref(...) }}}, {@code {{ source(...) }}}
 * and {@code {{ config(...) }}} with literal arguments (and comments) has its refs, sources and config
 * read from the text, without rendering. Anything else returns empty and the model is rendered.
 */
final class StaticParser {
    /** What a static parse found; the same as what rendering with capture would record. */
    record Result(List<RefCall> refs, List<Integer> refLines, List<List<String>> sources, Map<String, Object> config) {
    }

    private final String text;
    private int pos;

    private StaticParser(String text) {
        this.text = text;
    }

    static Optional<Result> parse(String source) {
        List<RefCall> refs = new ArrayList<>();
        List<Integer> refLines = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        int i = 0;
        int line = 1;
        int lineAt = 0;
        while (true) {
            int open = source.indexOf('{', i);
            if (open < 0 || open + 1 >= source.length()) {
                return Optional.of(new Result(refs, refLines, sources, config));
            }
            char kind = source.charAt(open + 1);
            if (kind == '#') {
                int end = source.indexOf("#}", open + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end + 2;
                continue;
            }
            if (kind == '%') {
                return Optional.empty();
            }
            if (kind != '{') {
                i = open + 1;
                continue;
            }
            int end = source.indexOf("}}", open + 2);
            if (end < 0) {
                return Optional.empty();
            }
            for (int k = lineAt; k < open; k++) {
                if (source.charAt(k) == '\n') {
                    line++;
                }
            }
            lineAt = open;
            String expression = source.substring(open + 2, end);
            if (expression.startsWith("-") || expression.startsWith("+")) {
                expression = expression.substring(1);
            }
            if (expression.endsWith("-") || expression.endsWith("+")) {
                expression = expression.substring(0, expression.length() - 1);
            }
            if (expression.contains("{{") || expression.contains("%}")) {
                return Optional.empty();
            }
            StaticParser p = new StaticParser(expression);
            if (!p.call(refs, refLines, line, sources, config)) {
                return Optional.empty();
            }
            i = end + 2;
        }
    }

    /** One {@code name(args)} call with literal arguments, and nothing else. */
    private boolean call(List<RefCall> refs, List<Integer> refLines, int line, List<List<String>> sources, Map<String, Object> config) {
        try {
            skipSpace();
            String name = identifier();
            skipSpace();
            expect('(');
            List<Object> positional = new ArrayList<>();
            Map<String, Object> keywords = new LinkedHashMap<>();
            skipSpace();
            while (peek() != ')') {
                int save = pos;
                String key = tryIdentifier();
                skipSpace();
                if (key != null && peek() == '=' && peekAt(1) != '=') {
                    pos++;
                    keywords.put(key, literal());
                } else {
                    pos = save;
                    if (!keywords.isEmpty()) {
                        return false;
                    }
                    positional.add(literal());
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != ')') {
                    return false;
                }
            }
            pos++;
            skipSpace();
            if (pos != text.length()) {
                return false;
            }
            switch (name) {
                case "ref" -> {
                    Object version = keywords.containsKey("version") ? keywords.remove("version") : keywords.remove("v");
                    if (!keywords.isEmpty() || positional.isEmpty() || positional.size() > 2 || !allStrings(positional)) {
                        return false;
                    }
                    RefCall ref = positional.size() == 1
                            ? new RefCall((String) positional.get(0), null, version == null ? null : String.valueOf(version))
                            : new RefCall((String) positional.get(1), (String) positional.get(0), version == null ? null : String.valueOf(version));
                    if (!refs.contains(ref)) {
                        refs.add(ref);
                        refLines.add(line);
                    }
                }
                case "source" -> {
                    if (!keywords.isEmpty() || positional.size() != 2 || !allStrings(positional)) {
                        return false;
                    }
                    List<String> s = List.of((String) positional.get(0), (String) positional.get(1));
                    if (!sources.contains(s)) {
                        sources.add(s);
                    }
                }
                case "config" -> {
                    if (!positional.isEmpty()) {
                        return false;
                    }
                    config.putAll(keywords);
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (IllegalStateException notStatic) {
            return false;
        }
    }

    private static boolean allStrings(List<Object> values) {
        return values.stream().allMatch(v -> v instanceof String);
    }

    private Object literal() {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '[' || c == '(') {
            char close = c == '[' ? ']' : ')';
            pos++;
            List<Object> items = new ArrayList<>();
            skipSpace();
            while (peek() != close) {
                items.add(literal());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != close) {
                    throw new IllegalStateException();
                }
            }
            pos++;
            return items;
        }
        if (c == '{') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                Object key = literal();
                if (!(key instanceof String k)) {
                    throw new IllegalStateException();
                }
                skipSpace();
                expect(':');
                map.put(k, literal());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw new IllegalStateException();
                }
            }
            pos++;
            return map;
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < text.length() && (Character.isDigit(peek()) || peek() == '.' || peek() == '_')) {
                pos++;
            }
            String number = text.substring(start, pos).replace("_", "");
            return number.contains(".") ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
        }
        String word = identifier();
        return switch (word) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None", "none" -> null;
            default -> throw new IllegalStateException();
        };
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\') {
                // escapes change meaning: leave them to the real renderer
                throw new IllegalStateException();
            }
            sb.append(c);
        }
        throw new IllegalStateException();
    }

    private String identifier() {
        String id = tryIdentifier();
        if (id == null) {
            throw new IllegalStateException();
        }
        return id;
    }

    private String tryIdentifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start || Character.isDigit(text.charAt(start))) {
            pos = start;
            return null;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw new IllegalStateException();
        }
        return text.charAt(pos);
    }

    private char peekAt(int offset) {
        return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalStateException();
        }
        pos++;
    }
}

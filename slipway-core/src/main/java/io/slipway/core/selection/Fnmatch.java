package io.slipway.core.selection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatchcase} (what dbt uses on POSIX): {@code *} matches anything (dots and slashes
 * included), {@code ?} one character, {@code [seq]} / {@code [!seq]} a character class with ranges; every other
 * character stands for itself. Case-sensitive. Compiled patterns are cached.
 */
public final class Fnmatch {
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Fnmatch() {
    }

    /** Whether {@code name} matches the shell-style {@code pattern}. */
    public static boolean matches(String name, String pattern) {
        if (name == null || pattern == null) {
            return false;
        }
        return compile(pattern).matcher(name).matches();
    }

    /** Whether the pattern has any of the characters that make it more than a literal ({@code * ? [ ]}). */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0 || pattern.indexOf(']') >= 0;
    }

    static Pattern compile(String pattern) {
        Pattern compiled = CACHE.get(pattern);
        if (compiled == null) {
            compiled = Pattern.compile(translate(pattern), Pattern.DOTALL);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(pattern, compiled);
        }
        return compiled;
    }

    /** The Java regular expression equivalent to the pattern (as Python's {@code fnmatch.translate}). */
    static String translate(String pattern) {
        StringBuilder out = new StringBuilder();
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i++);
            if (c == '*') {
                // consecutive stars are one star
                while (i < n && pattern.charAt(i) == '*') {
                    i++;
                }
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    out.append(characterClass(pattern.substring(i, j)));
                    i = j + 1;
                }
            } else {
                out.append(literal(c));
            }
        }
        return out.toString();
    }

    /** A Python fnmatch bracket expression's contents as a Java character class. */
    private static String characterClass(String stuff) {
        boolean negate = false;
        String body = stuff;
        if (body.startsWith("!")) {
            negate = true;
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            // "[]" cannot occur (']' first is literal); "[!]" matches any character in Python
            return negate ? "." : "(?!)";
        }
        StringBuilder items = new StringBuilder();
        int k = 0;
        int m = body.length();
        while (k < m) {
            char lo = body.charAt(k);
            if (k + 2 < m && body.charAt(k + 1) == '-') {
                char hi = body.charAt(k + 2);
                if (lo <= hi) {
                    items.append(literal(lo)).append('-').append(literal(hi));
                }
                // an empty range (z-a) matches nothing, as Python drops it
                k += 3;
            } else {
                items.append(literal(lo));
                k++;
            }
        }
        if (items.length() == 0) {
            return negate ? "." : "(?!)";
        }
        return (negate ? "[^" : "[") + items + "]";
    }

    private static String literal(char c) {
        if (Character.isLetterOrDigit(c) || c == '_') {
            return String.valueOf(c);
        }
        return String.format("\\x{%x}", (int) c);
    }
}

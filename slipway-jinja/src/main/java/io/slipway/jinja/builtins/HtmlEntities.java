package io.slipway.jinja.builtins;

import java.util.Map;

/**
 * A subset of Python's {@code html.unescape}: numeric references and the common named entities
 * (the full HTML5 table has over two thousand names; these are the ones text is likely to carry).
 */
final class HtmlEntities {
    private HtmlEntities() {
    }

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("raquo", "\u00bb"), Map.entry("laquo", "\u00ab"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"), Map.entry("bull", "\u2022"), Map.entry("middot", "\u00b7"),
            Map.entry("deg", "\u00b0"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"), Map.entry("yen", "\u00a5"),
            Map.entry("cent", "\u00a2"), Map.entry("sect", "\u00a7"), Map.entry("para", "\u00b6"), Map.entry("times", "\u00d7"),
            Map.entry("divide", "\u00f7"), Map.entry("plusmn", "\u00b1"), Map.entry("frac12", "\u00bd"), Map.entry("frac14", "\u00bc"),
            Map.entry("frac34", "\u00be"), Map.entry("iexcl", "\u00a1"), Map.entry("iquest", "\u00bf"), Map.entry("shy", "\u00ad"),
            Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"), Map.entry("agrave", "\u00e0"), Map.entry("aacute", "\u00e1"),
            Map.entry("uuml", "\u00fc"), Map.entry("ouml", "\u00f6"), Map.entry("auml", "\u00e4"), Map.entry("szlig", "\u00df"),
            Map.entry("ccedil", "\u00e7"), Map.entry("ntilde", "\u00f1"), Map.entry("larr", "\u2190"), Map.entry("rarr", "\u2192"),
            Map.entry("uarr", "\u2191"), Map.entry("darr", "\u2193"), Map.entry("ensp", "\u2002"), Map.entry("emsp", "\u2003"),
            Map.entry("thinsp", "\u2009"));

    private static final String[] LEGACY = {"amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "deg", "para", "sect",
        "times", "divide", "plusmn", "laquo", "raquo", "middot", "cent", "pound", "yen", "iexcl", "iquest", "shy"};

    private static String legacyAt(String s, int at) {
        String best = null;
        for (String name : LEGACY) {
            if (s.startsWith(name, at) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    static String unescape(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        sb.append(s, 0, amp);
        int i = amp;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i);
            if (i + 1 < n && s.charAt(i + 1) == '#') {
                int j = i + 2;
                boolean hex = j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X');
                if (hex) {
                    j++;
                }
                int start = j;
                while (j < n && Character.digit(s.charAt(j), hex ? 16 : 10) >= 0) {
                    j++;
                }
                if (j > start) {
                    try {
                        int cp = Integer.parseInt(s.substring(start, j), hex ? 16 : 10);
                        if (cp == 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
                            sb.append('\ufffd');
                        } else {
                            sb.appendCodePoint(cp);
                        }
                    } catch (NumberFormatException e) {
                        sb.append('\ufffd');
                    }
                    i = (j < n && s.charAt(j) == ';') ? j + 1 : j;
                    continue;
                }
            } else {
                if (semi > i + 1 && semi - i < 12) {
                    String value = NAMED.get(s.substring(i + 1, semi));
                    if (value != null) {
                        sb.append(value);
                        i = semi + 1;
                        continue;
                    }
                }
                // HTML5 also reads a few legacy names without the semicolon
                String legacy = legacyAt(s, i + 1);
                if (legacy != null) {
                    sb.append(NAMED.get(legacy));
                    i += 1 + legacy.length();
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}

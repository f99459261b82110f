package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyFormat;
import io.slipway.jinja.runtime.PyMarkup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.slipway.jinja.builtins.Methods.index;
import static io.slipway.jinja.builtins.Methods.noArgs;
import static io.slipway.jinja.builtins.Methods.oneArg;
import static io.slipway.jinja.builtins.Methods.positional;
import static io.slipway.jinja.builtins.Methods.positionalOld;
import static io.slipway.jinja.builtins.Methods.typeError;
import static io.slipway.jinja.builtins.Methods.valueError;

/** Python's {@code str} methods. Indexes count UTF-16 units except where astral characters make a difference. */
final class StrMethods {
    private StrMethods() {
    }

    static final Map<String, Methods.Impl> TABLE;

    static {
        Map<String, Methods.Impl> t = new HashMap<>();
        t.put("upper", (c, s, a) -> {
            noArgs("str.upper", a);
            return text(s).toUpperCase(Locale.ROOT);
        });
        t.put("lower", (c, s, a) -> {
            noArgs("str.lower", a);
            return text(s).toLowerCase(Locale.ROOT);
        });
        t.put("casefold", (c, s, a) -> {
            noArgs("str.casefold", a);
            return text(s).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        });
        t.put("capitalize", (c, s, a) -> {
            noArgs("str.capitalize", a);
            return capitalize(text(s));
        });
        t.put("title", (c, s, a) -> {
            noArgs("str.title", a);
            return title(text(s));
        });
        t.put("swapcase", (c, s, a) -> {
            noArgs("str.swapcase", a);
            return swapcase(text(s));
        });
        t.put("strip", (c, s, a) -> strip(text(s), positional("str.strip", a, 0, 1), true, true));
        t.put("lstrip", (c, s, a) -> strip(text(s), positional("str.lstrip", a, 0, 1), true, false));
        t.put("rstrip", (c, s, a) -> strip(text(s), positional("str.rstrip", a, 0, 1), false, true));
        t.put("split", (c, s, a) -> split(text(s), a, "split", false));
        t.put("rsplit", (c, s, a) -> split(text(s), a, "rsplit", true));
        t.put("splitlines", (c, s, a) -> {
            boolean keepends = false;
            if (a.positional().size() > 1 || a.size() > 1) {
                throw typeError("splitlines() takes at most 1 argument (" + a.size() + " given)");
            }
            if (a.has(0, "keepends")) {
                keepends = Py.truthy(a.get(0, "keepends", false));
            }
            return splitlines(text(s), keepends);
        });
        t.put("join", (c, s, a) -> join(text(s), oneArg("str.join", a)));
        t.put("replace", (c, s, a) -> {
            List<Object> p = positional("str.replace", a, 2, 3);
            String old = requireStr(p.get(0), "replace() argument 1 must be str, not ");
            String rep = requireStr(p.get(1), "replace() argument 2 must be str, not ");
            long count = p.size() > 2 ? index(p.get(2)) : -1;
            return replace(text(s), old, rep, count);
        });
        t.put("startswith", (c, s, a) -> affix(text(s), positionalOld("str.startswith", a, 1, 3), true));
        t.put("endswith", (c, s, a) -> affix(text(s), positionalOld("str.endswith", a, 1, 3), false));
        t.put("find", (c, s, a) -> (long) find(text(s), positionalOld("str.find", a, 1, 3), false, "find"));
        t.put("rfind", (c, s, a) -> (long) find(text(s), positionalOld("str.rfind", a, 1, 3), true, "rfind"));
        t.put("index", (c, s, a) -> {
            int i = find(text(s), positionalOld("str.index", a, 1, 3), false, "index");
            if (i < 0) {
                throw valueError("substring not found");
            }
            return (long) i;
        });
        t.put("rindex", (c, s, a) -> {
            int i = find(text(s), positionalOld("str.rindex", a, 1, 3), true, "rindex");
            if (i < 0) {
                throw valueError("substring not found");
            }
            return (long) i;
        });
        t.put("count", (c, s, a) -> count(text(s), positionalOld("str.count", a, 1, 3)));
        t.put("center", (c, s, a) -> justify(text(s), positional("str.center", a, 1, 2), 'c'));
        t.put("ljust", (c, s, a) -> justify(text(s), positional("str.ljust", a, 1, 2), 'l'));
        t.put("rjust", (c, s, a) -> justify(text(s), positional("str.rjust", a, 1, 2), 'r'));
        t.put("zfill", (c, s, a) -> zfill(text(s), index(oneArg("str.zfill", a))));
        t.put("partition", (c, s, a) -> partition(text(s), oneArg("str.partition", a), false));
        t.put("rpartition", (c, s, a) -> partition(text(s), oneArg("str.rpartition", a), true));
        t.put("removeprefix", (c, s, a) -> {
            String p = requireStr(oneArg("str.removeprefix", a), "removeprefix() argument must be str, not ");
            String x = text(s);
            return x.startsWith(p) ? x.substring(p.length()) : x;
        });
        t.put("removesuffix", (c, s, a) -> {
            String p = requireStr(oneArg("str.removesuffix", a), "removesuffix() argument must be str, not ");
            String x = text(s);
            return x.endsWith(p) && !p.isEmpty() ? x.substring(0, x.length() - p.length()) : x;
        });
        t.put("expandtabs", (c, s, a) -> {
            if (a.positional().size() > 1 || a.size() > 1) {
                throw typeError("expandtabs() takes at most 1 argument (" + a.size() + " given)");
            }
            long size = a.has(0, "tabsize") ? index(a.get(0, "tabsize", 8L)) : 8;
            return expandtabs(text(s), size);
        });
        t.put("format", (c, s, a) -> {
            @SuppressWarnings("unchecked")
            Map<String, ?> kw = a.keywords();
            if (s instanceof PyMarkup m) {
                return PyFormat.formatMarkup(m, a.positional(), kw, Support.mode(c));
            }
            return PyFormat.format((String) s, a.positional(), kw, Support.mode(c));
        });
        t.put("format_map", (c, s, a) -> {
            if (!a.keywords().isEmpty()) {
                throw typeError("format_map() takes no keyword arguments");
            }
            if (a.positional().size() != 1) {
                throw typeError("format_map() takes exactly one argument (" + a.positional().size() + " given)");
            }
            Object m = a.positional().get(0);
            Map<String, Object> kw = new java.util.LinkedHashMap<>();
            if (m instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    kw.put(Py.str(e.getKey()), e.getValue());
                }
            }
            return PyFormat.format(text(s), List.of(), kw, Support.mode(c));
        });
        t.put("isupper", (c, s, a) -> {
            noArgs("str.isupper", a);
            return caseCheck(text(s), true);
        });
        t.put("islower", (c, s, a) -> {
            noArgs("str.islower", a);
            return caseCheck(text(s), false);
        });
        t.put("istitle", (c, s, a) -> {
            noArgs("str.istitle", a);
            return istitle(text(s));
        });
        t.put("isspace", (c, s, a) -> {
            noArgs("str.isspace", a);
            return all(text(s), StrMethods::isSpace);
        });
        t.put("isalpha", (c, s, a) -> {
            noArgs("str.isalpha", a);
            return all(text(s), Character::isLetter);
        });
        t.put("isdigit", (c, s, a) -> {
            noArgs("str.isdigit", a);
            return all(text(s), StrMethods::isDigit);
        });
        t.put("isdecimal", (c, s, a) -> {
            noArgs("str.isdecimal", a);
            return all(text(s), cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER);
        });
        t.put("isnumeric", (c, s, a) -> {
            noArgs("str.isnumeric", a);
            return all(text(s), StrMethods::isNumeric);
        });
        t.put("isalnum", (c, s, a) -> {
            noArgs("str.isalnum", a);
            return all(text(s), cp -> Character.isLetter(cp) || isNumeric(cp));
        });
        t.put("isascii", (c, s, a) -> {
            noArgs("str.isascii", a);
            String x = text(s);
            for (int i = 0; i < x.length(); i++) {
                if (x.charAt(i) > 0x7f) {
                    return false;
                }
            }
            return true;
        });
        t.put("isidentifier", (c, s, a) -> {
            noArgs("str.isidentifier", a);
            String x = text(s);
            if (x.isEmpty() || !(Character.isUnicodeIdentifierStart(x.codePointAt(0)) || x.charAt(0) == '_')) {
                return false;
            }
            return all(x, cp -> Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
        });
        t.put("isprintable", (c, s, a) -> {
            noArgs("str.isprintable", a);
            String x = text(s);
            return x.isEmpty() || Py.repr(x).length() == x.length() + 2 || allPrintable(x);
        });
        TABLE = Collections.unmodifiableMap(t);
    }

    static String text(Object s) {
        return s instanceof PyMarkup m ? m.text() : (String) s;
    }

    private static String requireStr(Object value, String messagePrefix) {
        if (Py.isStr(value)) {
            return Py.str(value);
        }
        throw typeError(messagePrefix + Py.typeName(value));
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        switch (c) {
            case '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f,
                    0x205f, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200a;
        }
    }

    private static boolean isDigit(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || (type == Character.OTHER_NUMBER && Character.digit(cp, 10) >= 0)
                || (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071 && cp != 0x2072 && cp != 0x2073)
                || cp == 0xb2 || cp == 0xb3 || cp == 0xb9;
    }

    private static boolean isNumeric(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.OTHER_NUMBER || type == Character.LETTER_NUMBER
                || Character.getNumericValue(cp) != -1 && type == Character.OTHER_LETTER;
    }

    private static boolean allPrintable(String x) {
        String r = Py.repr(x);
        return !r.contains("\\x") && !r.contains("\\u") && !r.contains("\\U") && !r.contains("\\n") && !r.contains("\\t") && !r.contains("\\r");
    }

    private interface CodePointTest {
        boolean test(int cp);
    }

    private static boolean all(String s, CodePointTest test) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!test.test(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean caseCheck(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (upper ? (Character.isLowerCase(cp) || Character.isTitleCase(cp)) : (Character.isUpperCase(cp) || Character.isTitleCase(cp))) {
                return false;
            }
            if (upper ? Character.isUpperCase(cp) : Character.isLowerCase(cp)) {
                cased = true;
            }
        }
        return cased;
    }

    private static boolean istitle(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (Character.isLowerCase(cp)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
        }
        return cased;
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    /** The title-case form of one code point, with full mappings such as ß to Ss. */
    private static String titleCase(int cp) {
        int tc = Character.toTitleCase(cp);
        if (tc != cp) {
            return new String(Character.toChars(tc));
        }
        String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
        if (upper.length() > 1) {
            return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
        }
        return upper;
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isCased(cp)) {
                sb.append(previousCased ? new String(Character.toChars(cp)).toLowerCase(Locale.ROOT) : titleCase(cp));
                previousCased = true;
            } else {
                sb.appendCodePoint(cp);
                previousCased = false;
            }
        }
        return sb.toString();
    }

    private static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            String ch = new String(Character.toChars(cp));
            if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                sb.append(ch.toLowerCase(Locale.ROOT));
            } else if (Character.isLowerCase(cp)) {
                sb.append(ch.toUpperCase(Locale.ROOT));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static Object strip(String s, List<Object> p, boolean left, boolean right) {
        Object chars = p.isEmpty() ? null : p.get(0);
        String name = left && right ? "strip" : (left ? "lstrip" : "rstrip");
        if (chars != null && !Py.isStr(chars)) {
            throw typeError(name + " arg must be None or str");
        }
        return strip(s, chars == null ? null : Py.str(chars), left, right);
    }

    /** Python's strip: whitespace when {@code chars} is null, else any of {@code chars}. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && strippable(s.charAt(start), chars)) {
                start++;
            }
        }
        if (right) {
            while (end > start && strippable(s.charAt(end - 1), chars)) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    private static boolean strippable(char c, String chars) {
        return chars == null ? isSpace(c) : chars.indexOf(c) >= 0;
    }

    private static Object split(String s, Arguments a, String name, boolean fromRight) {
        if (a.positional().size() > 2) {
            throw typeError(name + "() takes at most 2 arguments (" + a.positional().size() + " given)");
        }
        for (String k : a.keywords().keySet()) {
            if (!k.equals("sep") && !k.equals("maxsplit")) {
                throw typeError("'" + k + "' is an invalid keyword argument for " + name + "()");
            }
        }
        Object sep = a.get(0, "sep", null);
        long maxsplit = index(a.get(1, "maxsplit", -1L));
        if (sep != null && !Py.isStr(sep)) {
            throw typeError("must be str or None, not " + Py.typeName(sep));
        }
        List<Object> out = sep == null
                ? splitWhitespace(s, maxsplit, fromRight)
                : splitOn(s, Py.str(sep), maxsplit, fromRight);
        return out;
    }

    static List<Object> splitWhitespace(String s, long maxsplit, boolean fromRight) {
        List<Object> out = new ArrayList<>();
        int n = s.length();
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        if (!fromRight) {
            int i = 0;
            while (i < n) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (out.size() == maxsplit) {
                    out.add(s.substring(i)); // the rest keeps its trailing whitespace
                    break;
                }
                int j = i;
                while (j < n && !isSpace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        int i = n;
        while (i > 0) {
            while (i > 0 && isSpace(s.charAt(i - 1))) {
                i--;
            }
            if (i <= 0) {
                break;
            }
            if (out.size() == maxsplit) {
                out.add(s.substring(0, i)); // the rest keeps its leading whitespace
                break;
            }
            int j = i;
            while (j > 0 && !isSpace(s.charAt(j - 1))) {
                j--;
            }
            out.add(s.substring(j, i));
            i = j;
        }
        Collections.reverse(out);
        return out;
    }

    static List<Object> splitOn(String s, String sep, long maxsplit, boolean fromRight) {
        if (sep.isEmpty()) {
            throw valueError("empty separator");
        }
        if (maxsplit < 0) {
            maxsplit = Long.MAX_VALUE;
        }
        List<Object> out = new ArrayList<>();
        if (!fromRight) {
            int start = 0;
            int at;
            while (out.size() < maxsplit && (at = s.indexOf(sep, start)) >= 0) {
                out.add(s.substring(start, at));
                start = at + sep.length();
            }
            out.add(s.substring(start));
            return out;
        }
        int end = s.length();
        int at;
        while (out.size() < maxsplit && end >= 0 && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
            out.add(s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(s.substring(0, end));
        Collections.reverse(out);
        return out;
    }

    static List<Object> splitlines(String s, boolean keepends) {
        List<Object> out = new ArrayList<>();
        int n = s.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int eol;
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                eol = i + 2;
            } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029) {
                eol = i + 1;
            } else {
                i++;
                continue;
            }
            out.add(s.substring(start, keepends ? eol : i));
            start = eol;
            i = eol;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }

    static String join(String sep, Object iterable) {
        List<Object> items = Methods.items(iterable);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            Object o = items.get(i);
            if (!Py.isStr(o)) {
                throw typeError("sequence item " + i + ": expected str instance, " + Py.typeName(o) + " found");
            }
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Py.str(o));
        }
        return sb.toString();
    }

    static String replace(String s, String old, String rep, long count) {
        if (count < 0 && !old.isEmpty()) {
            return s.replace(old, rep);
        }
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            // insert before every character (code point) and at the end, up to count times
            int done = 0;
            int i = 0;
            int n = s.length();
            while (done < count && i <= n) {
                sb.append(rep);
                done++;
                if (i < n) {
                    int cp = s.codePointAt(i);
                    sb.appendCodePoint(cp);
                    i += Character.charCount(cp);
                } else {
                    i++;
                }
            }
            if (i < n) {
                sb.append(s, i, n);
            }
            return sb.toString();
        }
        int start = 0;
        int done = 0;
        int at;
        while (done < count && (at = s.indexOf(old, start)) >= 0) {
            sb.append(s, start, at).append(rep);
            start = at + old.length();
            done++;
        }
        sb.append(s, start, s.length());
        return sb.toString();
    }

    /**
     * Python's optional start/end arguments resolved against {@code s}, as UTF-16 offsets (Python counts
     * code points; they differ only around astral characters).
     */
    private static int[] bounds(List<Object> p, int from, String s) {
        int cpLength = s.codePointCount(0, s.length());
        int[] b = bounds(p, from, cpLength);
        if (cpLength == s.length()) {
            return b;
        }
        int start = b[0] > cpLength ? s.length() + 1 : s.offsetByCodePoints(0, b[0]);
        int end = s.offsetByCodePoints(0, Math.max(0, Math.min(b[1], cpLength)));
        return new int[] {start, b[1] < b[0] ? -1 : end};
    }

    /** Resolves Python's optional start/end slice bounds against a length. */
    private static int[] bounds(List<Object> p, int from, int length) {
        long start = 0;
        long end = length;
        if (p.size() > from && p.get(from) != null) {
            start = index(p.get(from));
        }
        if (p.size() > from + 1 && p.get(from + 1) != null) {
            end = index(p.get(from + 1));
        }
        if (start < 0) {
            start = Math.max(0, start + length);
        }
        if (end < 0) {
            end = Math.max(0, end + length);
        }
        end = Math.min(end, length);
        return new int[] {(int) Math.min(start, Integer.MAX_VALUE), (int) end};
    }

    private static boolean affix(String s, List<Object> p, boolean prefix) {
        Object what = p.get(0);
        int[] b = bounds(p, 1, s);
        if (b[0] > s.length()) {
            return false;
        }
        String region = b[0] <= b[1] ? s.substring(b[0], b[1]) : "";
        if (b[0] > b[1]) {
            return false;
        }
        if (what instanceof PyTuple t) {
            for (Object o : t) {
                if (!Py.isStr(o)) {
                    throw typeError("tuple for " + (prefix ? "startswith" : "endswith") + " must only contain str, not " + Py.typeName(o));
                }
                if (prefix ? region.startsWith(Py.str(o)) : region.endsWith(Py.str(o))) {
                    return true;
                }
            }
            return false;
        }
        if (!Py.isStr(what)) {
            throw typeError((prefix ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not " + Py.typeName(what));
        }
        return prefix ? region.startsWith(Py.str(what)) : region.endsWith(Py.str(what));
    }

    private static int find(String s, List<Object> p, boolean last, String name) {
        Object what = p.get(0);
        if (!Py.isStr(what)) {
            throw typeError("must be str, not " + Py.typeName(what));
        }
        String sub = Py.str(what);
        int[] b = bounds(p, 1, s);
        if (b[0] > b[1] || b[0] > s.length()) {
            return -1;
        }
        String region = s.substring(b[0], b[1]);
        int i = last ? region.lastIndexOf(sub) : region.indexOf(sub);
        if (i < 0) {
            return -1;
        }
        return s.codePointCount(0, b[0] + i);
    }

    private static long count(String s, List<Object> p) {
        Object what = p.get(0);
        if (!Py.isStr(what)) {
            throw typeError("must be str, not " + Py.typeName(what));
        }
        String sub = Py.str(what);
        int[] b = bounds(p, 1, s);
        if (b[0] > b[1] || b[0] > s.length()) {
            return 0;
        }
        String region = s.substring(b[0], b[1]);
        if (sub.isEmpty()) {
            return region.codePointCount(0, region.length()) + 1;
        }
        long n = 0;
        int at = 0;
        while ((at = region.indexOf(sub, at)) >= 0) {
            n++;
            at += sub.length();
        }
        return n;
    }

    private static String justify(String s, List<Object> p, char how) {
        long width = index(p.get(0));
        String fill = " ";
        if (p.size() > 1) {
            Object f = p.get(1);
            if (!Py.isStr(f)) {
                String name = how == 'c' ? "center" : (how == 'l' ? "ljust" : "rjust");
                throw typeError(name + "() argument 2 must be str, not " + Py.typeName(f));
            }
            fill = Py.str(f);
            if (Py.len(fill) != 1) {
                throw typeError("The fill character must be exactly one character long");
            }
        }
        int len = Py.len(s);
        if (width <= len) {
            return s;
        }
        int marg = (int) (width - len);
        switch (how) {
            case 'l':
                return s + fill.repeat(marg);
            case 'r':
                return fill.repeat(marg) + s;
            default: {
                int left = marg / 2 + (marg & (int) width & 1);
                return fill.repeat(left) + s + fill.repeat(marg - left);
            }
        }
    }

    static String zfill(String s, long width) {
        int len = Py.len(s);
        if (width <= len) {
            return s;
        }
        int fill = (int) (width - len);
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + "0".repeat(fill) + s.substring(1);
        }
        return "0".repeat(fill) + s;
    }

    private static PyTuple partition(String s, Object sepValue, boolean last) {
        if (!Py.isStr(sepValue)) {
            throw typeError("must be str, not " + Py.typeName(sepValue));
        }
        String sep = Py.str(sepValue);
        if (sep.isEmpty()) {
            throw valueError("empty separator");
        }
        int at = last ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (at < 0) {
            return last ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }

    private static String expandtabs(String s, long tabsize) {
        StringBuilder sb = new StringBuilder(s.length());
        int column = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t') {
                if (tabsize > 0) {
                    int spaces = (int) (tabsize - column % tabsize);
                    sb.append(" ".repeat(spaces));
                    column += spaces;
                }
            } else {
                sb.appendCodePoint(c);
                column = (c == '\n' || c == '\r') ? 0 : column + 1;
            }
        }
        return sb.toString();
    }
}

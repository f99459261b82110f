package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Filter;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2's filters over text: case, padding, escaping, formatting, truncation, wrapping, URLs, JSON. */
final class TextFilters {
    private TextFilters() {
    }

    static void register(Map<String, Filter> f) {
        f.put("capitalize", (c, v, a) -> StrMethods.capitalize(str(CAPITALIZE, v, a)));
        f.put("center", TextFilters::center);
        f.put("escape", TextFilters::escape);
        f.put("e", TextFilters::escape);
        f.put("forceescape", (c, v, a) -> {
            FORCEESCAPE.bind(v, a);
            return new PyMarkup(PyMarkup.escapeText(Py.str(v)));
        });
        f.put("format", TextFilters::format);
        f.put("indent", TextFilters::indent);
        f.put("lower", (c, v, a) -> lower(str(LOWER, v, a)));
        f.put("upper", (c, v, a) -> upper(str(UPPER, v, a)));
        f.put("replace", TextFilters::replace);
        f.put("safe", (c, v, a) -> {
            SAFE.bind(v, a);
            return v instanceof PyMarkup ? v : new PyMarkup(Py.str(v));
        });
        f.put("string", (c, v, a) -> {
            STRING.bind(v, a);
            return v instanceof PyMarkup ? v : Py.str(v);
        });
        f.put("striptags", (c, v, a) -> {
            STRIPTAGS.bind(v, a);
            return striptags(Py.str(v));
        });
        f.put("title", (c, v, a) -> title(str(TITLE, v, a)));
        f.put("trim", TextFilters::trim);
        f.put("truncate", TextFilters::truncate);
        f.put("urlencode", TextFilters::urlencode);
        f.put("urlize", TextFilters::urlize);
        f.put("wordcount", (c, v, a) -> wordcount(str(WORDCOUNT, v, a)));
        f.put("wordwrap", TextFilters::wordwrap);
        f.put("xmlattr", TextFilters::xmlattr);
        f.put("filesizeformat", TextFilters::filesizeformat);
        f.put("pprint", (c, v, a) -> {
            PPRINT.bind(v, a);
            return PrettyPrint.pformat(v);
        });
        f.put("tojson", (c, v, a) -> {
            Object[] p = TOJSON.bind(v, a);
            return new PyMarkup(Json.htmlSafeDumps(v, p[1] == null ? -1 : (int) Methods.index(p[1])));
        });
        // dbt's text-mode markers: dbt wraps the value in a str subclass, so the text is what renders
        Filter marker = (c, v, a) -> Py.str(v);
        f.put("as_bool", marker);
        f.put("as_native", marker);
        f.put("as_number", marker);
        f.put("as_text", marker);
    }

    private static final Signature CAPITALIZE = Signature.of("do_capitalize", 0, "s");
    private static final Signature CENTER = Signature.of("do_center", 0, "value", "width", 80L);
    private static final Signature ESCAPE = Signature.of("escape", 0, "s");
    private static final Signature FORCEESCAPE = Signature.of("do_forceescape", 0, "value");
    private static final Signature INDENT = Signature.of("do_indent", 0, "s", "width", 4L, "first", false, "blank", false);
    private static final Signature LOWER = Signature.of("do_lower", 0, "s");
    private static final Signature UPPER = Signature.of("do_upper", 0, "s");
    private static final Signature REPLACE = Signature.of("do_replace", 1, "s", "old", Signature.REQUIRED, "new", Signature.REQUIRED, "count", null);
    private static final Signature SAFE = Signature.of("do_mark_safe", 0, "value");
    private static final Signature STRING = Signature.of("soft_str", 0, "s");
    private static final Signature STRIPTAGS = Signature.of("do_striptags", 0, "value");
    private static final Signature TITLE = Signature.of("do_title", 0, "s");
    private static final Signature TRIM = Signature.of("do_trim", 0, "value", "chars", null);
    private static final Signature TRUNCATE = Signature.of("do_truncate", 1, "s", "length", 255L, "killwords", false, "end", "...", "leeway", null);
    private static final Signature URLENCODE = Signature.of("do_urlencode", 0, "value");
    private static final Signature URLIZE = Signature.of("do_urlize", 1, "value", "trim_url_limit", null, "nofollow", false,
            "target", null, "rel", null, "extra_schemes", null);
    private static final Signature WORDCOUNT = Signature.of("do_wordcount", 0, "s");
    private static final Signature WORDWRAP = Signature.of("do_wordwrap", 1, "s", "width", 79L, "break_long_words", true,
            "wrapstring", null, "break_on_hyphens", true);
    private static final Signature XMLATTR = Signature.of("do_xmlattr", 1, "d", "autospace", true);
    private static final Signature FILESIZEFORMAT = Signature.of("do_filesizeformat", 0, "value", "binary", false);
    private static final Signature PPRINT = Signature.of("do_pprint", 0, "value");
    private static final Signature TOJSON = Signature.of("do_tojson", 1, "value", "indent", null);

    private static String str(Signature sig, Object value, Arguments args) {
        sig.bind(value, args);
        return Py.str(value);
    }

    static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    private static Object center(CallContext c, Object value, Arguments args) {
        Object[] p = CENTER.bind(value, args);
        return StrMethods.TABLE.get("center").call(c, Py.str(value), Arguments.positional(p[1]));
    }

    private static Object escape(CallContext c, Object value, Arguments args) {
        ESCAPE.bind(value, args);
        return PyMarkup.escape(value);
    }

    private static Object format(CallContext c, Object value, Arguments args) {
        if (!args.positional().isEmpty() && !args.keywords().isEmpty()) {
            throw Support.filterArgumentError("can't handle positional and keyword arguments at the same time");
        }
        Object operand = args.keywords().isEmpty()
                ? PyTuple.copyOf(args.positional())
                : new java.util.LinkedHashMap<Object, Object>(args.keywords());
        Object fmt = value instanceof PyMarkup ? value : Py.str(value);
        return Py.mod(fmt, operand);
    }

    private static Object indent(CallContext c, Object value, Arguments args) {
        Object[] p = INDENT.bind(value, args);
        Object width = p[1];
        String indention = Py.isStr(width) ? Py.str(width) : " ".repeat((int) Math.max(0, Methods.index(width)));
        boolean first = Py.truthy(p[2]);
        boolean blank = Py.truthy(p[3]);
        if (!Py.isStr(value) && !(value instanceof Undefined)) {
            // Python's s += "\n" then s.splitlines()
            if (Py.isList(value)) {
                throw JinjaException.python("AttributeError", "'list' object has no attribute 'splitlines'");
            }
            throw JinjaException.python("TypeError", "unsupported operand type(s) for +=: '" + Py.typeName(value) + "' and 'str'");
        }
        String s = Py.str(Py.add(value, "\n"));
        List<Object> lines = StrMethods.splitlines(s, false);
        StringBuilder rv = new StringBuilder();
        if (blank) {
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    rv.append('\n').append(indention);
                }
                rv.append((String) lines.get(i));
            }
        } else {
            rv.append((String) lines.get(0));
            if (lines.size() > 1) {
                rv.append('\n');
                for (int i = 1; i < lines.size(); i++) {
                    if (i > 1) {
                        rv.append('\n');
                    }
                    String line = (String) lines.get(i);
                    if (!line.isEmpty()) {
                        rv.append(indention);
                    }
                    rv.append(line);
                }
            }
        }
        String out = first ? indention + rv : rv.toString();
        return value instanceof PyMarkup ? new PyMarkup(out) : out;
    }

    private static Object replace(CallContext c, Object value, Arguments args) {
        Object[] p = REPLACE.bind(value, args);
        long count = p[3] == null ? -1 : Methods.index(p[3]);
        return StrMethods.replace(Py.str(value), Py.str(p[1]), Py.str(p[2]), count);
    }

    /** MarkupSafe's {@code striptags}: drop comments and tags, collapse whitespace, unescape entities. */
    static String striptags(String value) {
        int start;
        while ((start = value.indexOf("<!--")) != -1) {
            int end = value.indexOf("-->", start);
            if (end == -1) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 3);
        }
        while ((start = value.indexOf('<')) != -1) {
            int end = value.indexOf('>', start);
            if (end == -1) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 1);
        }
        List<Object> words = StrMethods.splitWhitespace(value, -1, false);
        StringBuilder sb = new StringBuilder();
        for (Object w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append((String) w);
        }
        return HtmlEntities.unescape(sb.toString());
    }

    private static final Pattern WORD_BEGINNING = Pattern.compile("[-\\s({\\[<]+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Jinja2's title: split at runs of {@code - ( { [ <} and whitespace, upper the first letter of each piece. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        Matcher m = WORD_BEGINNING.matcher(s);
        int at = 0;
        while (m.find()) {
            appendTitled(sb, s.substring(at, m.start()));
            sb.append(m.group());
            at = m.end();
        }
        appendTitled(sb, s.substring(at));
        return sb.toString();
    }

    private static void appendTitled(StringBuilder sb, String item) {
        if (item.isEmpty()) {
            return;
        }
        int first = item.codePointAt(0);
        int n = Character.charCount(first);
        sb.append(upper(item.substring(0, n))).append(lower(item.substring(n)));
    }

    private static Object trim(CallContext c, Object value, Arguments args) {
        Object[] p = TRIM.bind(value, args);
        Object chars = p[1];
        if (chars != null && !Py.isStr(chars)) {
            throw JinjaException.python("TypeError", "strip arg must be None or str");
        }
        return StrMethods.strip(Py.str(value), chars == null ? null : Py.str(chars), true, true);
    }

    private static Object truncate(CallContext c, Object value, Arguments args) {
        Object[] p = TRUNCATE.bind(value, args);
        long length = Methods.index(p[1]);
        boolean killwords = Py.truthy(p[2]);
        String end = Py.str(p[3]);
        long leeway = p[4] == null ? 5 : Methods.index(p[4]);
        int endLen = Py.len(end);
        if (length < endLen) {
            throw JinjaException.python("AssertionError", "expected length >= " + endLen + ", got " + length);
        }
        if (leeway < 0) {
            throw JinjaException.python("AssertionError", "expected leeway >= 0, got " + leeway);
        }
        if (Py.len(value) <= length + leeway) {
            return value;
        }
        String s = Py.str(value);
        String head = (String) Py.slice(s, null, length - endLen, null);
        if (killwords) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space >= 0 ? head.substring(0, space) : head) + end;
    }

    private static Object urlencode(CallContext c, Object value, Arguments args) {
        URLENCODE.bind(value, args);
        if (Py.isStr(value) || !isIterable(value)) {
            return urlQuote(value, false);
        }
        Iterator<Object> items;
        if (value instanceof Map<?, ?> m) {
            List<Object> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pairs.add(PyTuple.of(e.getKey(), e.getValue()));
            }
            items = pairs.iterator();
        } else {
            items = Py.iterate(value);
        }
        StringBuilder sb = new StringBuilder();
        while (items.hasNext()) {
            List<Object> kv = Methods.items(items.next());
            if (kv.size() != 2) {
                throw JinjaException.python("ValueError", (kv.size() > 2 ? "too many values to unpack" : "not enough values to unpack")
                        + " (expected 2, got " + kv.size() + ")");
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(urlQuote(kv.get(0), true)).append('=').append(urlQuote(kv.get(1), true));
        }
        return sb.toString();
    }

    private static boolean isIterable(Object value) {
        return value instanceof Iterable<?> || value instanceof Map<?, ?> || value instanceof Undefined || Py.isStr(value);
    }

    /** Jinja2's {@code url_quote}: UTF-8 percent-encoding; {@code /} stays unless for a query string, where space is {@code +}. */
    static String urlQuote(Object value, boolean forQs) {
        byte[] bytes = Py.str(value).getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int ch = b & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || ch == '_' || ch == '.' || ch == '-' || ch == '~' || (ch == '/' && !forQs)) {
                sb.append((char) ch);
            } else if (ch == ' ' && forQs) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(ch >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(ch & 15, 16)));
            }
        }
        return sb.toString();
    }

    private static Object urlize(CallContext c, Object value, Arguments args) {
        Object[] p = URLIZE.bind(value, args);
        Integer trimLimit = p[1] == null ? null : (int) Methods.index(p[1]);
        boolean nofollow = Py.truthy(p[2]);
        Object target = p[3];
        Object rel = p[4];
        java.util.TreeSet<String> relParts = new java.util.TreeSet<>();
        if (rel != null) {
            relParts.addAll(StrMethods.splitWhitespace(Py.str(rel), -1, false).stream().map(Object::toString).toList());
        }
        if (nofollow) {
            relParts.add("nofollow");
        }
        relParts.add("noopener");
        String relText = String.join(" ", relParts);
        List<String> schemes = new ArrayList<>();
        if (p[5] != null) {
            for (Object s : Methods.items(p[5])) {
                String scheme = Py.str(s);
                if (!Urlize.validScheme(scheme)) {
                    throw Support.filterArgumentError(Py.repr(s) + " is not a valid URI scheme prefix.");
                }
                schemes.add(scheme);
            }
        }
        return Urlize.urlize(Py.str(value), trimLimit, relText.isEmpty() ? null : relText,
                target == null ? null : Py.str(target), p[5] == null ? null : schemes);
    }

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    static long wordcount(String s) {
        Matcher m = WORD.matcher(s);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Object wordwrap(CallContext c, Object value, Arguments args) {
        Object[] p = WORDWRAP.bind(value, args);
        if (value instanceof Undefined u && u instanceof io.slipway.jinja.runtime.UndefinedValue uv) {
            throw uv.fail();
        }
        int width = (int) Methods.index(p[1]);
        boolean breakLong = Py.truthy(p[2]);
        String wrapstring = p[3] == null ? "\n" : Py.str(p[3]);
        boolean breakOnHyphens = Py.truthy(p[4]);
        if (!Py.isStr(value)) {
            throw JinjaException.python("AttributeError", "'" + Py.typeName(value) + "' object has no attribute 'splitlines'");
        }
        List<Object> lines = StrMethods.splitlines(Py.str(value), false);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append(wrapstring);
            }
            List<String> wrapped = TextWrap.wrap((String) lines.get(i), width, breakLong, breakOnHyphens);
            sb.append(String.join(wrapstring, wrapped));
        }
        return sb.toString();
    }

    private static final Pattern ATTR_KEY = Pattern.compile("[\\s/>=]");

    private static Object xmlattr(CallContext c, Object value, Arguments args) {
        Object[] p = XMLATTR.bind(value, args);
        boolean autospace = Py.truthy(p[1]);
        if (!(value instanceof Map<?, ?> m)) {
            if (value instanceof io.slipway.jinja.runtime.UndefinedValue u) {
                throw u.fail();
            }
            throw JinjaException.python("AttributeError", "'" + Py.typeName(value) + "' object has no attribute 'items'");
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Undefined) {
                continue;
            }
            Object key = e.getKey();
            if (!Py.isStr(key)) {
                throw JinjaException.python("TypeError", "expected string or bytes-like object, got '" + Py.typeName(key) + "'");
            }
            if (ATTR_KEY.matcher(Py.str(key)).find()) {
                throw JinjaException.python("ValueError", "Invalid character in attribute name: " + Py.repr(key));
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(PyMarkup.escape(key).text()).append("=\"").append(PyMarkup.escape(v).text()).append('"');
        }
        if (autospace && sb.length() > 0) {
            sb.insert(0, ' ');
        }
        return sb.toString();
    }

    private static Object filesizeformat(CallContext c, Object value, Arguments args) {
        Object[] p = FILESIZEFORMAT.bind(value, args);
        boolean binary = Py.truthy(p[1]);
        double bytes = Support.toFloat(value);
        double base = binary ? 1024 : 1000;
        String[] prefixes = binary
                ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return Py.str(Support.toInt(bytes)) + " Bytes";
        }
        double unit = 0;
        String prefix = null;
        for (int i = 0; i < prefixes.length; i++) {
            unit = Math.pow(base, i + 2);
            prefix = prefixes[i];
            if (bytes < unit) {
                break;
            }
        }
        return Py.mod("%.1f", base * bytes / unit) + " " + prefix;
    }
}

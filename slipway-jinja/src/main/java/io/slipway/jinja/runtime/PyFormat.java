package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.UndefinedMode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's string formatting: printf-style {@code 'a%sb' % x}, {@code str.format} with the sandbox's field
 * lookup, and the format-spec mini-language ({@code format(value, spec)}).
 */
public final class PyFormat {
    private PyFormat() {
    }

    // ================================================================================= printf: str % args

    /**
     * Python's {@code fmt % args}. A tuple supplies the positional values, any other value is the single one;
     * a dict (or anything subscriptable) also serves {@code %(key)s}. {@code escape} is Markup's: str and
     * repr conversions of the arguments are HTML-escaped.
     */
    public static String printf(String fmt, Object args, boolean escape) {
        List<?> positional;
        if (args instanceof PyTuple t) {
            positional = t;
        } else {
            positional = List.of(args == null ? NONE : args);
        }
        boolean mappingLike = !(args instanceof PyTuple) && !Py.isStr(args)
                && (args instanceof Map<?, ?> || args instanceof List<?> || args instanceof io.slipway.jinja.PyObject);
        StringBuilder out = new StringBuilder(fmt.length() + 16);
        int argIndex = 0;
        int n = fmt.length();
        int i = 0;
        while (i < n) {
            char c = fmt.charAt(i);
            if (c != '%') {
                int next = fmt.indexOf('%', i);
                if (next < 0) {
                    next = n;
                }
                out.append(fmt, i, next);
                i = next;
                continue;
            }
            i++;
            if (i >= n) {
                throw JinjaException.python("ValueError", "incomplete format");
            }
            Object value = MISSING_ARG;
            if (fmt.charAt(i) == '(') {
                if (!mappingLike && !(args instanceof Map<?, ?>)) {
                    throw JinjaException.python("TypeError", "format requires a mapping");
                }
                int depth = 1;
                int keyStart = ++i;
                while (i < n && depth > 0) {
                    if (fmt.charAt(i) == '(') {
                        depth++;
                    } else if (fmt.charAt(i) == ')') {
                        depth--;
                    }
                    i++;
                }
                if (depth > 0) {
                    throw JinjaException.python("ValueError", "incomplete format key");
                }
                String key = fmt.substring(keyStart, i - 1);
                Object v = args instanceof Map<?, ?> m ? Py.dictLookup(m, key) : Py.getItem(args, key);
                if (v == Py.MISSING) {
                    throw JinjaException.python("KeyError", Py.repr(key));
                }
                value = v;
                mappingLike = true;
                argIndex = -1; // positional use after a key is an error in Python too
            }
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean alt = false;
            boolean zero = false;
            for (; i < n; i++) {
                char f = fmt.charAt(i);
                if (f == '-') {
                    left = true;
                } else if (f == '+') {
                    plus = true;
                } else if (f == ' ') {
                    space = true;
                } else if (f == '#') {
                    alt = true;
                } else if (f == '0') {
                    zero = true;
                } else {
                    break;
                }
            }
            int width = -1;
            if (i < n && fmt.charAt(i) == '*') {
                Object w = nextArg(positional, argIndex);
                argIndex++;
                if (!Py.isInt(w)) {
                    throw JinjaException.python("TypeError", "* wants int");
                }
                width = (int) PyNumbers.toLong(w);
                if (width < 0) {
                    left = true;
                    width = -width;
                }
                i++;
            } else {
                int start = i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    width = Integer.parseInt(fmt.substring(start, i));
                }
            }
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                if (i < n && fmt.charAt(i) == '*') {
                    Object p = nextArg(positional, argIndex);
                    argIndex++;
                    if (!Py.isInt(p)) {
                        throw JinjaException.python("TypeError", "* wants int");
                    }
                    precision = Math.max(0, (int) PyNumbers.toLong(p));
                    i++;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        i++;
                    }
                    precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
                }
            }
            while (i < n && (fmt.charAt(i) == 'h' || fmt.charAt(i) == 'l' || fmt.charAt(i) == 'L')) {
                i++;
            }
            if (i >= n) {
                throw JinjaException.python("ValueError", "incomplete format");
            }
            char type = fmt.charAt(i);
            i++;
            if (type == '%') {
                out.append('%');
                continue;
            }
            if (value == MISSING_ARG) {
                if (argIndex < 0) {
                    throw JinjaException.python("TypeError", "not enough arguments for format string");
                }
                value = nextArg(positional, argIndex);
                argIndex++;
            }
            if (value == NONE) {
                value = null;
            }
            String body;
            String sign = "";
            boolean numeric = false;
            switch (type) {
                case 's':
                case 'r':
                case 'a': {
                    String s = type == 's' ? Py.str(value) : Py.repr(value);
                    if (type == 'a') {
                        s = ascii(s);
                    }
                    if (escape && !(value instanceof PyMarkup && type == 's') && !Py.isNumber(value)) {
                        s = PyMarkup.escapeText(s);
                    }
                    if (precision >= 0 && precision < s.length()) {
                        s = s.substring(0, precision);
                    }
                    body = s;
                    break;
                }
                case 'd':
                case 'i':
                case 'u':
                case 'x':
                case 'X':
                case 'o': {
                    BigInteger v = integerArg(value, type);
                    numeric = true;
                    if (v.signum() < 0) {
                        sign = "-";
                        v = v.negate();
                    } else if (plus) {
                        sign = "+";
                    } else if (space) {
                        sign = " ";
                    }
                    String digits = switch (type) {
                        case 'x' -> v.toString(16);
                        case 'X' -> v.toString(16).toUpperCase();
                        case 'o' -> v.toString(8);
                        default -> v.toString();
                    };
                    if (precision > digits.length()) {
                        digits = "0".repeat(precision - digits.length()) + digits;
                    }
                    if (alt && type == 'x') {
                        sign = sign + "0x";
                    } else if (alt && type == 'X') {
                        sign = sign + "0X";
                    } else if (alt && type == 'o') {
                        sign = sign + "0o";
                    }
                    body = digits;
                    break;
                }
                case 'e':
                case 'E':
                case 'f':
                case 'F':
                case 'g':
                case 'G': {
                    numeric = true;
                    if (value instanceof BigDecimal d) {
                        body = decimalBody(d.abs(), type, precision, alt);
                        if (d.signum() < 0) {
                            sign = "-";
                        }
                    } else {
                        double d = floatArg(value);
                        body = PyFloat.body(Math.abs(d), type, precision, alt);
                        if (d < 0 || (d == 0 && Double.doubleToRawLongBits(d) < 0)) {
                            sign = "-";
                        }
                    }
                    if (sign.isEmpty()) {
                        sign = plus ? "+" : (space ? " " : "");
                    }
                    break;
                }
                case 'c': {
                    if (Py.isInt(value)) {
                        long cp = PyNumbers.toLong(value);
                        if (cp < 0 || cp > 0x10FFFF) {
                            throw JinjaException.python("OverflowError", "%c arg not in range(0x110000)");
                        }
                        body = new String(Character.toChars((int) cp));
                    } else if (Py.isStr(value) && Py.len(value) == 1) {
                        body = Py.str(value);
                    } else {
                        throw JinjaException.python("TypeError", "%c requires int or char");
                    }
                    break;
                }
                default:
                    throw JinjaException.python("ValueError", "unsupported format character " + Py.repr(String.valueOf(type))
                            + " (0x" + Integer.toHexString(type) + ") at index " + (i - 1));
            }
            int len = sign.length() + body.length();
            if (width > len) {
                int pad = width - len;
                if (left) {
                    out.append(sign).append(body).append(" ".repeat(pad));
                } else if (zero && numeric && !isNonFinite(body)) {
                    out.append(sign).append("0".repeat(pad)).append(body);
                } else {
                    out.append(" ".repeat(pad)).append(sign).append(body);
                }
            } else {
                out.append(sign).append(body);
            }
        }
        if (argIndex >= 0 && argIndex < positional.size() && !mappingLike) {
            throw JinjaException.python("TypeError", "not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object MISSING_ARG = new Object();
    private static final Object NONE = new Object();

    private static boolean isNonFinite(String body) {
        return body.equals("inf") || body.equals("nan") || body.equals("INF") || body.equals("NAN");
    }

    private static Object nextArg(List<?> positional, int index) {
        if (index < 0 || index >= positional.size()) {
            throw JinjaException.python("TypeError", "not enough arguments for format string");
        }
        return positional.get(index);
    }

    private static BigInteger integerArg(Object value, char type) {
        if (Py.isInt(value)) {
            return PyNumbers.toBig(value);
        }
        boolean decimalType = type == 'd' || type == 'i' || type == 'u';
        if (decimalType && (value instanceof Double || value instanceof Float)) {
            double d = ((Number) value).doubleValue();
            if (Double.isInfinite(d)) {
                throw JinjaException.python("OverflowError", "cannot convert float infinity to integer");
            }
            if (Double.isNaN(d)) {
                throw JinjaException.python("ValueError", "cannot convert float NaN to integer");
            }
            return new BigDecimal(d).toBigInteger();
        }
        if (decimalType && value instanceof BigDecimal d) {
            return d.toBigInteger();
        }
        if (decimalType) {
            throw JinjaException.python("TypeError", "%" + type + " format: a real number is required, not " + Py.typeName(value));
        }
        throw JinjaException.python("TypeError", "%" + type + " format: an integer is required, not " + Py.typeName(value));
    }

    private static double floatArg(Object value) {
        if (Py.isNumber(value)) {
            return PyNumbers.toDouble(value);
        }
        if (value instanceof Undefined u) {
            throw u instanceof UndefinedValue v ? v.fail() : JinjaException.python("UndefinedError", u.message());
        }
        throw JinjaException.python("TypeError", "must be real number, not " + Py.typeName(value));
    }

    private static String decimalBody(BigDecimal abs, char type, int precision, boolean alt) {
        int p = precision < 0 ? 6 : precision;
        switch (type) {
            case 'f':
            case 'F':
                return abs.setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            case 'e':
            case 'E': {
                if (abs.signum() == 0) {
                    return PyFloat.exponential(0, p, type == 'E');
                }
                BigDecimal r = abs.round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
                String u = r.unscaledValue().toString();
                int exp = u.length() - 1 - r.scale();
                if (u.length() < p + 1) {
                    u = u + "0".repeat(p + 1 - u.length());
                }
                StringBuilder sb = new StringBuilder().append(u.charAt(0));
                if (p > 0) {
                    sb.append('.').append(u, 1, p + 1);
                }
                PyFloat.appendExponent(sb, exp);
                return type == 'E' ? sb.toString().toUpperCase() : sb.toString();
            }
            default:
                return PyFloat.body(abs.doubleValue(), type, precision, alt);
        }
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.toString();
    }

    // ================================================================================= str.format

    /**
     * Python's {@code template.format(*args, **kwargs)} as Jinja2's sandboxed formatter runs it: fields
     * ({@code {0.name}}, {@code {key[0]}}) are looked up with the sandbox's {@link Py#getAttr}/{@link Py#getItem}.
     */
    public static String format(String template, List<?> args, Map<String, ?> kwargs) {
        return format(template, args, kwargs, UndefinedMode.DEFAULT);
    }

    /** {@link #format(String, List, Map)} where missing attributes and items are undefineds of {@code mode}. */
    public static String format(String template, List<?> args, Map<String, ?> kwargs, UndefinedMode mode) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int[] auto = {0}; // next automatic index; -1 once manual numbering was used
        renderFormat(template, args, kwargs, out, auto, 2, mode, false);
        return out.toString();
    }

    /** {@code markup.format(...)}: as {@link #format(String, List, Map, UndefinedMode)}, each field HTML-escaped unless Markup. */
    public static PyMarkup formatMarkup(PyMarkup template, List<?> args, Map<String, ?> kwargs, UndefinedMode mode) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int[] auto = {0};
        renderFormat(template.text(), args, kwargs, out, auto, 2, mode, true);
        return new PyMarkup(out.toString());
    }

    private static void renderFormat(String t, List<?> args, Map<String, ?> kwargs, StringBuilder out, int[] auto, int depth,
                                     UndefinedMode mode, boolean escape) {
        if (depth < 0) {
            throw JinjaException.python("ValueError", "Max string recursion exceeded");
        }
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '}') {
                if (i + 1 < n && t.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw JinjaException.python("ValueError", "Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && t.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            // find the matching '}' (format specs may nest one level of fields)
            int j = i + 1;
            int level = 1;
            while (j < n) {
                char d = t.charAt(j);
                if (d == '{') {
                    level++;
                } else if (d == '}') {
                    level--;
                    if (level == 0) {
                        break;
                    }
                } else if (d == '[' ) {
                    int close = t.indexOf(']', j);
                    if (close > 0) {
                        j = close;
                    }
                }
                j++;
            }
            if (j >= n) {
                if (i + 1 >= n) {
                    throw JinjaException.python("ValueError", "Single '{' encountered in format string");
                }
                throw JinjaException.python("ValueError", "expected '}' before end of string");
            }
            String field = t.substring(i + 1, j);
            i = j + 1;
            // split field_name, conversion and spec
            int k = 0;
            int fl = field.length();
            while (k < fl && field.charAt(k) != '!' && field.charAt(k) != ':') {
                if (field.charAt(k) == '[') {
                    int close = field.indexOf(']', k);
                    if (close < 0) {
                        throw JinjaException.python("ValueError", "Missing ']' in format string");
                    }
                    k = close;
                }
                k++;
            }
            String name = field.substring(0, k);
            char conversion = 0;
            String spec = "";
            if (k < fl && field.charAt(k) == '!') {
                if (k + 1 >= fl) {
                    throw JinjaException.python("ValueError", "end of string while looking for conversion specifier");
                }
                conversion = field.charAt(k + 1);
                k += 2;
                if (k < fl && field.charAt(k) != ':') {
                    throw JinjaException.python("ValueError", "expected ':' after conversion specifier");
                }
            }
            if (k < fl && field.charAt(k) == ':') {
                spec = field.substring(k + 1);
            }
            Object value = fieldValue(name, args, kwargs, auto, mode);
            if (conversion != 0) {
                value = switch (conversion) {
                    case 'r' -> Py.repr(value);
                    case 's' -> Py.str(value);
                    case 'a' -> ascii(Py.repr(value));
                    default -> throw JinjaException.python("ValueError", "Unknown conversion specifier " + conversion);
                };
            }
            if (spec.indexOf('{') >= 0) {
                StringBuilder nested = new StringBuilder();
                renderFormat(spec, args, kwargs, nested, auto, depth - 1, mode, false);
                spec = nested.toString();
            }
            if (escape && value instanceof PyMarkup m) {
                out.append(m.text());
            } else if (escape) {
                out.append(PyMarkup.escapeText(formatValue(value, spec)));
            } else {
                out.append(formatValue(value, spec));
            }
        }
    }

    private static Object fieldValue(String name, List<?> args, Map<String, ?> kwargs, int[] auto, UndefinedMode mode) {
        // numbering as Python's string.Formatter (the sandbox's formatter) does it
        if (name.isEmpty()) {
            if (auto[0] < 0) {
                throw JinjaException.python("ValueError", "cannot switch from manual field specification to automatic field numbering");
            }
            name = Integer.toString(auto[0]++);
        } else if (isDigits(name)) {
            if (auto[0] > 0) {
                throw JinjaException.python("ValueError", "cannot switch from manual field specification to automatic field numbering");
            }
            auto[0] = -1;
        }
        int k = 0;
        int n = name.length();
        while (k < n && name.charAt(k) != '.' && name.charAt(k) != '[') {
            k++;
        }
        String first = name.substring(0, k);
        Object obj;
        if (isDigits(first)) {
            int index = Integer.parseInt(first);
            if (index >= args.size()) {
                throw JinjaException.python("IndexError", "tuple index out of range");
            }
            obj = args.get(index);
        } else {
            if (!kwargs.containsKey(first)) {
                throw JinjaException.python("KeyError", Py.repr(first));
            }
            obj = kwargs.get(first);
        }
        while (k < n) {
            char c = name.charAt(k);
            if (c == '.') {
                int start = ++k;
                while (k < n && name.charAt(k) != '.' && name.charAt(k) != '[') {
                    k++;
                }
                String attr = name.substring(start, k);
                if (attr.isEmpty()) {
                    throw JinjaException.python("ValueError", "Empty attribute in format string");
                }
                Object v = Py.getAttr(obj, attr);
                obj = v == Py.MISSING ? UndefinedValue.attribute(mode, obj, attr) : v;
            } else if (c == '[') {
                int close = name.indexOf(']', k);
                String key = name.substring(k + 1, close);
                k = close + 1;
                Object keyValue = isDigits(key) ? (Object) Long.parseLong(key) : key;
                Object v = Py.getItem(obj, keyValue);
                obj = v == Py.MISSING ? UndefinedValue.attribute(mode, obj, keyValue) : v;
                if (k < n && name.charAt(k) != '.' && name.charAt(k) != '[') {
                    throw JinjaException.python("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
                }
            } else {
                throw JinjaException.python("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ================================================================================= format(value, spec)

    /** A parsed format spec: {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}. */
    private record Spec(char fill, char align, char sign, boolean noNegativeZero, boolean alt, boolean zeroPad, int width,
                        char grouping, int precision, char type) {
    }

    private static Spec parseSpec(String s) {
        int i = 0;
        int n = s.length();
        char fill = ' ';
        char align = 0;
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            fill = s.charAt(0);
            align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            align = s.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            sign = s.charAt(i++);
        }
        boolean noNegativeZero = false;
        if (i < n && s.charAt(i) == 'z') {
            noNegativeZero = true;
            i++;
        }
        boolean alt = false;
        if (i < n && s.charAt(i) == '#') {
            alt = true;
            i++;
        }
        boolean zero = false;
        if (i < n && s.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int start = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = Integer.parseInt(s.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            grouping = s.charAt(i++);
        }
        int precision = -1;
        if (i < n && s.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw JinjaException.python("ValueError", "Format specifier missing precision");
            }
            precision = Integer.parseInt(s.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = s.charAt(i++);
        }
        if (i < n) {
            throw JinjaException.python("ValueError", "Invalid format specifier '" + s + "' for object of type '%s'");
        }
        return new Spec(fill, align, sign, noNegativeZero, alt, zero, width, grouping, precision, type);
    }

    /** Python's {@code format(value, spec)}. */
    public static String formatValue(Object value, String spec) {
        if (spec.isEmpty()) {
            return Py.str(value);
        }
        Spec p;
        try {
            p = parseSpec(spec);
        } catch (JinjaException e) {
            if (e.pythonMessage().contains("%s")) {
                throw JinjaException.python("ValueError", e.pythonMessage().replace("%s", Py.typeName(value)));
            }
            throw e;
        }
        if (Py.isStr(value)) {
            return formatStr(Py.str(value), p);
        }
        if (Py.isInt(value)) {
            return formatInt(value, p);
        }
        if (value instanceof Double || value instanceof Float) {
            return formatFloat(((Number) value).doubleValue(), p, "float");
        }
        if (value instanceof BigDecimal d) {
            return formatDecimal(d, p);
        }
        throw JinjaException.python("TypeError", "unsupported format string passed to " + Py.typeName(value) + ".__format__");
    }

    private static String formatStr(String s, Spec p) {
        if (p.type() != 0 && p.type() != 's') {
            throw unknownCode(p.type(), "str");
        }
        if (p.sign() != 0) {
            throw JinjaException.python("ValueError", "Sign not allowed in string format specifier");
        }
        if (p.alt()) {
            throw JinjaException.python("ValueError", "Alternate form (#) not allowed in string format specifier");
        }
        if (p.grouping() != 0) {
            throw JinjaException.python("ValueError", "Cannot specify '" + p.grouping() + "' with 's'.");
        }
        if (p.align() == '=') {
            throw JinjaException.python("ValueError", "'=' alignment not allowed in string format specifier");
        }
        if (p.precision() >= 0 && p.precision() < Py.len(s)) {
            s = (String) Py.slice(s, null, (long) p.precision(), null);
        }
        return pad("", s, p, '<');
    }

    private static String formatInt(Object value, Spec p) {
        char type = p.type();
        if ("eEfFgG%".indexOf(type) >= 0 && type != 0) {
            return formatFloat(PyNumbers.toDouble(value), p, "int");
        }
        if (type != 0 && "bcdoxXn".indexOf(type) < 0) {
            throw unknownCode(type, Py.typeName(value).equals("bool") ? "bool" : "int");
        }
        if (p.precision() >= 0) {
            throw JinjaException.python("ValueError", "Precision not allowed in integer format specifier");
        }
        BigInteger v = PyNumbers.toBig(value);
        if (type == 'c') {
            return pad("", new String(Character.toChars(v.intValue())), p, '>');
        }
        String sign = v.signum() < 0 ? "-" : (p.sign() == '+' ? "+" : (p.sign() == ' ' ? " " : ""));
        v = v.abs();
        String digits;
        String prefix = "";
        switch (type) {
            case 'b' -> {
                digits = v.toString(2);
                prefix = p.alt() ? "0b" : "";
            }
            case 'o' -> {
                digits = v.toString(8);
                prefix = p.alt() ? "0o" : "";
            }
            case 'x' -> {
                digits = v.toString(16);
                prefix = p.alt() ? "0x" : "";
            }
            case 'X' -> {
                digits = v.toString(16).toUpperCase();
                prefix = p.alt() ? "0X" : "";
            }
            default -> digits = v.toString();
        }
        if (p.grouping() != 0) {
            int group = (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
            digits = group(digits, p.grouping(), group);
        }
        return pad(sign + prefix, digits, p, '>');
    }

    private static String formatFloat(double d, Spec p, String typeName) {
        char type = p.type();
        if (type != 0 && "eEfFgGn%".indexOf(type) < 0) {
            throw unknownCode(type, typeName);
        }
        boolean negative = d < 0 || (d == 0 && Double.doubleToRawLongBits(d) < 0);
        char t = type == 'n' ? 'g' : type;
        String body = PyFloat.body(Math.abs(d), t == 0 ? 'r' : t, p.precision(), p.alt());
        if (p.grouping() != 0) {
            body = groupFloat(body, p.grouping());
        }
        if (negative && p.noNegativeZero() && isZero(body)) {
            negative = false;
        }
        String sign = negative ? "-" : (p.sign() == '+' ? "+" : (p.sign() == ' ' ? " " : ""));
        return pad(sign, body, p, '>');
    }

    /** Whether a formatted number's digits are all zero (the {@code z} option drops the sign of a rounded zero). */
    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E' || c == '%') {
                return true;
            }
            if (c != '0' && c != '.' && c != ',' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static String formatDecimal(BigDecimal d, Spec p) {
        char type = p.type();
        String sign = d.signum() < 0 ? "-" : (p.sign() == '+' ? "+" : (p.sign() == ' ' ? " " : ""));
        BigDecimal abs = d.abs();
        String body;
        if (type == 0 && p.precision() < 0) {
            body = abs.toString();
        } else if (type == 'f' || type == 'F' || type == 'e' || type == 'E') {
            body = decimalBody(abs, type, p.precision(), p.alt());
        } else if (type == '%') {
            body = abs.movePointRight(2).setScale(p.precision() < 0 ? 6 : p.precision(), RoundingMode.HALF_EVEN).toPlainString() + "%";
        } else if (type == 0 || type == 'g' || type == 'G' || type == 'n') {
            body = PyFloat.body(abs.doubleValue(), type == 0 ? 'r' : (type == 'n' ? 'g' : type), p.precision(), p.alt());
        } else {
            throw unknownCode(type, "decimal.Decimal");
        }
        if (p.grouping() != 0) {
            body = groupFloat(body, p.grouping());
        }
        return pad(sign, body, p, '>');
    }

    private static JinjaException unknownCode(char type, String typeName) {
        return JinjaException.python("ValueError", "Unknown format code '" + type + "' for object of type '" + typeName + "'");
    }

    private static String groupFloat(String body, char sep) {
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return group(body.substring(0, end), sep, 3) + body.substring(end);
    }

    private static String group(String digits, char sep, int size) {
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / size);
        int first = digits.length() % size;
        if (first == 0) {
            first = size;
        }
        sb.append(digits, 0, Math.min(first, digits.length()));
        for (int i = first; i < digits.length(); i += size) {
            sb.append(sep).append(digits, i, i + size);
        }
        return sb.toString();
    }

    private static String pad(String sign, String body, Spec p, char defaultAlign) {
        int len = sign.length() + Py.len(body);
        if (p.width() <= len) {
            return sign + body;
        }
        int padding = p.width() - len;
        char align = p.align() == 0 ? defaultAlign : p.align();
        char fillChar = p.fill();
        if (p.zeroPad() && p.align() == 0) {
            // a leading 0 pads numbers after the sign and strings on the right
            fillChar = '0';
            align = defaultAlign == '<' ? '<' : '=';
        }
        String fill = String.valueOf(fillChar);
        switch (align) {
            case '<':
                return sign + body + fill.repeat(padding);
            case '^': {
                int leftPad = padding / 2;
                return fill.repeat(leftPad) + sign + body + fill.repeat(padding - leftPad);
            }
            case '=':
                return sign + fill.repeat(padding) + body;
            default:
                return fill.repeat(padding) + sign + body;
        }
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Filter;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Test;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.UndefinedMode;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;
import io.slipway.jinja.runtime.UndefinedValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Helpers the built-in filters and tests share: undefineds, attribute paths, Python's int() and float(). */
final class Support {
    private Support() {
    }

    static UndefinedMode mode(CallContext context) {
        return context == null ? UndefinedMode.DEFAULT : context.undefinedMode();
    }

    /** An undefined with Jinja2's message for a missing attribute ({@code 'dict object' has no attribute 'x'}) or element. */
    static UndefinedValue missing(CallContext context, Object owner, Object key) {
        return UndefinedValue.attribute(mode(context), owner, key);
    }

    /** An undefined with a message of its own ({@code No first item, sequence was empty.}). */
    static UndefinedValue undefined(CallContext context, String hint) {
        return UndefinedValue.hint(mode(context), hint);
    }

    static JinjaException filterArgumentError(String message) {
        return JinjaException.python("FilterArgumentError", message);
    }

    /** Jinja2's attribute path: {@code "a.b.0"} is the items {@code a}, {@code b} and {@code 0}; an int is one index. */
    static List<Object> attributeParts(Object attribute) {
        List<Object> parts = new ArrayList<>();
        if (attribute == null) {
            return parts;
        }
        if (attribute instanceof String s) {
            for (String part : s.split("\\.", -1)) {
                parts.add(isAsciiDigits(part) ? (Object) Long.parseLong(part) : part);
            }
            return parts;
        }
        parts.add(attribute);
        return parts;
    }

    private static boolean isAsciiDigits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Looks an item up along an attribute path with the sandbox's {@code getitem}; a miss is an undefined. */
    static Object lookupPath(CallContext context, Object item, List<Object> parts, Object dflt) {
        for (Object part : parts) {
            Object next = Py.getItem(item, part);
            item = next == Py.MISSING ? missing(context, item, part) : next;
            if (dflt != null && item instanceof Undefined) {
                item = dflt;
            }
        }
        return item;
    }

    /** Jinja2's {@code ignore_case}: lowercases str keys. */
    static Object ignoreCase(Object value) {
        if (value instanceof String s) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof PyMarkup m) {
            return m.text().toLowerCase(java.util.Locale.ROOT);
        }
        return value;
    }

    static Filter filterNamed(CallContext context, Object name) {
        Filter f = name instanceof String s ? context.environment().filter(s) : null;
        if (f == null) {
            throw JinjaException.python("TemplateRuntimeError", "No filter named " + Py.repr(name) + ".");
        }
        return f;
    }

    static Test testNamed(CallContext context, Object name) {
        Test t = name instanceof String s ? context.environment().test(s) : null;
        if (t == null) {
            throw JinjaException.python("TemplateRuntimeError", "No test named " + Py.repr(name) + ".");
        }
        return t;
    }

    static Arguments rest(List<Object> positional, int from, java.util.Map<String, Object> keywords) {
        return Arguments.of(positional.subList(Math.min(from, positional.size()), positional.size()), keywords);
    }

    // ------------------------------------------------------------------------------------ int() and float()

    /** Python's {@code int(value)} of a non-str value: truncates floats, TypeError for other types. */
    static Object toInt(Object value) {
        if (value instanceof Undefined u) {
            throw u instanceof UndefinedValue v ? v.fail() : JinjaException.python("UndefinedError", u.message());
        }
        if (Py.isInt(value)) {
            return Py.pos(value);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isInfinite(d)) {
                throw JinjaException.python("OverflowError", "cannot convert float infinity to integer");
            }
            if (Double.isNaN(d)) {
                throw JinjaException.python("ValueError", "cannot convert float NaN to integer");
            }
            if (Math.abs(d) < 9e18) {
                return (long) d;
            }
            return io.slipway.jinja.runtime.PyNumbers.normalize(new BigDecimal(d).toBigInteger());
        }
        if (value instanceof BigDecimal d) {
            return io.slipway.jinja.runtime.PyNumbers.normalize(d.toBigInteger());
        }
        throw JinjaException.python("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '"
                + Py.typeName(value) + "'");
    }

    /** Python's {@code int(text, base)}. */
    static Object parseInt(String text, long base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw JinjaException.python("ValueError", "int() base must be >= 2 and <= 36, or 0");
        }
        String s = StrMethods.strip(text, null, true, true);
        String body = s;
        boolean negative = false;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int radix = (int) base;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            int prefixed = p == 'x' ? 16 : (p == 'o' ? 8 : (p == 'b' ? 2 : 0));
            if (prefixed != 0 && (base == 0 || base == prefixed)) {
                radix = prefixed;
                body = body.substring(2);
                if (body.startsWith("_")) {
                    body = body.substring(1);
                }
            } else if (base == 0) {
                // base 0: a decimal may not have leading zeros, except zero itself
                if (!body.replace("_", "").chars().allMatch(c -> c == '0')) {
                    throw invalidInt(text, base);
                }
                radix = 10;
            }
        }
        if (radix == 0) {
            radix = 10;
        }
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
            throw invalidInt(text, base);
        }
        String digits = body.replace("_", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                throw invalidInt(text, base);
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        return io.slipway.jinja.runtime.PyNumbers.normalize(negative ? v.negate() : v);
    }

    private static JinjaException invalidInt(String text, long base) {
        return JinjaException.python("ValueError", "invalid literal for int() with base " + base + ": " + Py.repr(text));
    }

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?((\\d(_?\\d)*)?\\.?\\d(_?\\d)*([eE][+-]?\\d(_?\\d)*)?|\\d(_?\\d)*\\.([eE][+-]?\\d(_?\\d)*)?)");
    private static final Pattern FLOAT_SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    /** Python's {@code float(value)}. */
    static double toFloat(Object value) {
        if (value instanceof Undefined u) {
            throw u instanceof UndefinedValue v ? v.fail() : JinjaException.python("UndefinedError", u.message());
        }
        if (Py.isNumber(value)) {
            return io.slipway.jinja.runtime.PyNumbers.toDouble(value instanceof BigDecimal d ? (Object) d.doubleValue() : value);
        }
        if (Py.isStr(value)) {
            String raw = Py.str(value);
            String s = StrMethods.strip(raw, null, true, true);
            if (FLOAT.matcher(s).matches()) {
                return Double.parseDouble(s.replace("_", ""));
            }
            if (FLOAT_SPECIAL.matcher(s).matches()) {
                String lower = s.toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith("nan")) {
                    return Double.NaN;
                }
                return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw JinjaException.python("ValueError", "could not convert string to float: " + Py.repr(raw));
        }
        throw JinjaException.python("TypeError", "float() argument must be a string or a real number, not '" + Py.typeName(value) + "'");
    }

    /** Whether an exception is one of the Python types {@code names}. */
    static boolean isPython(JinjaException e, String... names) {
        for (String n : names) {
            if (n.equals(e.pythonType())) {
                return true;
            }
        }
        return false;
    }
}

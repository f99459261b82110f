package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Macro;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.builtins.Methods;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Python's semantics for template values (see the package documentation of {@code io.slipway.jinja} for
 * the mapping of Python types to Java types). Errors are {@link JinjaException#python} with the Python
 * type and message CPython gives ({@code TypeError: unsupported operand type(s) for +: 'int' and 'str'}).
 * Operations on an {@link UndefinedValue} follow its mode (they raise {@code UndefinedError} where Jinja2 does).
 *
 * <p>Beyond the Java types of the public value model, the runtime uses {@link PyMarkup} (MarkupSafe's
 * Markup), {@link PyRange}, {@link PyDictView} ({@code d.items()}), {@link PyGenerator} (what {@code map}
 * and {@code select} return) and {@link java.math.BigDecimal} as Python's {@code Decimal}.
 */
public final class Py {
    private Py() {
    }

    /** Returned by {@link #getAttr} and {@link #getItem} when nothing is found; callers turn it into an undefined. */
    public static final Object MISSING = io.slipway.jinja.PyObject.MISSING;

    // ============================================================================== type predicates

    /** A Python str: String or Markup. */
    public static boolean isStr(Object value) {
        return value instanceof String || value instanceof PyMarkup;
    }

    /** A Python list: a mutable List that is neither a tuple nor a range. */
    public static boolean isList(Object value) {
        return value instanceof List<?> && !(value instanceof PyTuple) && !(value instanceof PyRange)
                && !(value instanceof PyObject);
    }

    /** A Python tuple (named tuples such as groupby's included). */
    public static boolean isTuple(Object value) {
        return value instanceof PyTuple || value instanceof PyGroupTuple;
    }

    /** Python int (bool included). */
    public static boolean isInt(Object value) {
        return PyNumbers.isInt(value);
    }

    /** int, float or Decimal (bool included). */
    public static boolean isNumber(Object value) {
        return PyNumbers.isNumber(value);
    }

    /** Whether the value is undefined. */
    public static boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    // ============================================================================== truthiness, str, repr, type

    public static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof UndefinedValue u) {
            return u.truthy();
        }
        if (value instanceof Undefined) {
            return false;
        }
        if (value instanceof Integer i) {
            return i != 0;
        }
        if (value instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof PyMarkup m) {
            return !m.text().isEmpty();
        }
        if (value instanceof PyObject o) {
            return o.truthy();
        }
        return true;
    }

    /** Python's {@code str(value)}: {@code True}, {@code None}, {@code ['a', 1]}, {@code 2.5}, {@code 1e+16}. */
    public static String str(Object value) {
        return PyText.str(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return PyText.repr(value);
    }

    /** Python's type name, as error messages show it: {@code int}, {@code str}, {@code NoneType}, {@code dict}. */
    public static String typeName(Object value) {
        if (value instanceof String) {
            return "str";
        }
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof BigDecimal) {
            return "decimal.Decimal";
        }
        if (value instanceof PyTyped t) {
            return t.pythonTypeName();
        }
        if (value instanceof PyTuple) {
            return "tuple";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        if (value instanceof UndefinedValue u) {
            return u.mode() == io.slipway.jinja.UndefinedMode.STRICT ? "StrictUndefined" : "Undefined";
        }
        if (value instanceof Undefined) {
            return "Undefined";
        }
        if (value instanceof Macro) {
            return "Macro";
        }
        if (value instanceof PyObject) {
            return value.getClass().getSimpleName();
        }
        if (value instanceof JinjaCallable) {
            return "function";
        }
        return value.getClass().getSimpleName();
    }

    /**
     * Jinja2's {@code object_type_repr}, as undefined messages show the owner: {@code None} for None,
     * {@code dict object} for built-in types, {@code jinja2.utils.Namespace object} for others.
     */
    public static String objectTypeRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PyTyped t && !"builtins".equals(t.pythonModule())) {
            return t.pythonModule() + "." + t.pythonTypeName() + " object";
        }
        if (value instanceof BigDecimal) {
            return "decimal.Decimal object";
        }
        return typeName(value) + " object";
    }

    // ============================================================================== equality and ordering

    /** Python's {@code ==} ({@code 1 == 1.0 == True}, {@code '3' != 3}, lists and dicts by content). */
    public static boolean eq(Object a, Object b) {
        if (a == b && !(a instanceof Double) && !(a instanceof UndefinedValue)) {
            return true;
        }
        if (a instanceof String x) {
            if (b instanceof String y) {
                return x.equals(y);
            }
            if (b instanceof PyMarkup m) {
                return x.equals(m.text());
            }
            if (b instanceof UndefinedValue u) {
                return undefinedEq(u, a);
            }
            return false;
        }
        if (a == null || b == null) {
            if (a instanceof UndefinedValue u) {
                return undefinedEq(u, b);
            }
            if (b instanceof UndefinedValue u) {
                return undefinedEq(u, a);
            }
            return false;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof UndefinedValue u) {
            return undefinedEq(u, b);
        }
        if (b instanceof UndefinedValue u) {
            return undefinedEq(u, a);
        }
        int ka = PyNumbers.kind(a);
        int kb = PyNumbers.kind(b);
        if (ka != 0 || kb != 0) {
            if (ka == 0 || kb == 0) {
                return false;
            }
            Integer c = PyNumbers.compare(a, b);
            return c != null && c == 0;
        }
        if (a instanceof PyMarkup m) {
            return isStr(b) && m.text().equals(str(b));
        }
        if (a instanceof PyRange || b instanceof PyRange) {
            return a instanceof PyRange && b instanceof PyRange && a.equals(b);
        }
        if (a instanceof List<?> la) {
            if (!(b instanceof List<?> lb) || isTuple(a) != isTuple(b) || b instanceof PyRange) {
                return false;
            }
            int n = la.size();
            if (n != lb.size()) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma) {
            if (!(b instanceof Map<?, ?> mb) || ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object other = dictLookup(mb, e.getKey());
                if (other == MISSING || !eq(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Set<?> sa) {
            if (!(b instanceof Set<?> sb) || sa.size() != sb.size()) {
                return false;
            }
            for (Object o : sa) {
                if (!setContains(sb, o)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof PyDictView va && b instanceof PyDictView vb && va.kind() != PyDictView.Kind.VALUES
                && va.kind() == vb.kind()) {
            if (va.size() != vb.size()) {
                return false;
            }
            for (Object o : va) {
                if (!contains(vb, o)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean undefinedEq(UndefinedValue u, Object other) {
        if (u.mode() == io.slipway.jinja.UndefinedMode.STRICT) {
            throw u.fail();
        }
        if (other instanceof UndefinedValue o && o.mode() == io.slipway.jinja.UndefinedMode.STRICT) {
            throw o.fail();
        }
        return other instanceof UndefinedValue o && o.mode() == u.mode();
    }

    /** Python's ordering comparison; {@code op} is one of {@code < <= > >=}. Raises TypeError for unorderable types. */
    public static boolean compare(String op, Object a, Object b) {
        Integer c = order(op, a, b);
        if (c == null) {
            return false; // NaN
        }
        int v = c;
        switch (op) {
            case "<":
                return v < 0;
            case "<=":
                return v <= 0;
            case ">":
                return v > 0;
            case ">=":
                return v >= 0;
            default:
                throw new IllegalArgumentException("not an ordering operator: " + op);
        }
    }

    /**
     * The three-way order of two values as Python's {@code <} sees it (-1, 0, 1), {@code null} when the
     * comparison is false both ways (NaN); TypeError naming {@code op} for unorderable types.
     */
    public static Integer order(String op, Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(compareStrings(x, y));
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        failIfUndefined(a, b);
        int ka = PyNumbers.kind(a);
        int kb = PyNumbers.kind(b);
        if (ka != 0 && kb != 0) {
            return PyNumbers.compare(a, b); // exact across int, float and Decimal, as Python orders them
        }
        if (isStr(a) && isStr(b)) {
            return Integer.signum(compareStrings(str(a), str(b)));
        }
        boolean sameSeq = (isList(a) && isList(b)) || (isTuple(a) && isTuple(b));
        if (sameSeq) {
            List<?> la = (List<?>) a;
            List<?> lb = (List<?>) b;
            int n = Math.min(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return order(op, la.get(i), lb.get(i));
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw JinjaException.python("TypeError", "'" + op + "' not supported between instances of '"
                + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Compares by code point, as Python orders str. */
    public static int compareStrings(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char c = x.charAt(i);
            char d = y.charAt(i);
            if (c != d) {
                if (Character.isSurrogate(c) || Character.isSurrogate(d)) {
                    return Integer.compare(x.codePointAt(i), y.codePointAt(i));
                }
                return c - d;
            }
        }
        return x.length() - y.length();
    }

    /** Python's {@code item in container} (substring for str, key for dict). */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (item instanceof String t) {
                return s.contains(t);
            }
            if (item instanceof PyMarkup m) {
                return s.contains(m.text());
            }
            throw JinjaException.python("TypeError",
                    "'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof Map<?, ?> m) {
            requireHashable(item);
            return dictLookup(m, item) != MISSING;
        }
        if (container instanceof List<?> l) {
            if (container instanceof PyRange r && isInt(item) && PyNumbers.fitsLong(item)) {
                long v = PyNumbers.toLong(item);
                return rangeIndex(r, v) >= 0;
            }
            for (int i = 0, n = l.size(); i < n; i++) {
                Object o = l.get(i);
                if (o == item || eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof PyMarkup m) {
            return contains(m.text(), item);
        }
        if (container instanceof UndefinedValue u) {
            u.iterate();
            return false;
        }
        if (container instanceof PyDictView v) {
            switch (v.kind()) {
                case KEYS:
                    return contains(v.map(), item);
                case ITEMS:
                    if (item instanceof PyTuple t && t.size() == 2) {
                        Object value = dictLookup(v.map(), t.get(0));
                        return value != MISSING && eq(value, t.get(1));
                    }
                    return false;
                default:
                    break;
            }
        }
        if (container instanceof Set<?> s) {
            requireHashable(item);
            return setContains(s, item);
        }
        if (container instanceof Iterable<?> it) {
            for (Object o : it) {
                if (o == item || eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        throw JinjaException.python("TypeError", "argument of type '" + typeName(container) + "' is not iterable");
    }

    private static boolean setContains(Set<?> s, Object item) {
        if (s.contains(item)) {
            return true;
        }
        if (isNumber(item) || item instanceof PyMarkup) {
            for (Object o : s) {
                if (eq(o, item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long rangeIndex(PyRange r, long v) {
        long offset = v - r.start();
        if (offset % r.step() != 0) {
            return -1;
        }
        long i = offset / r.step();
        return (i >= 0 && i < r.size()) ? i : -1;
    }

    /** Raises Python's {@code TypeError: unhashable type: 'list'} for list, dict and set keys. */
    public static void requireHashable(Object key) {
        if (isList(key) || key instanceof Map<?, ?> || key instanceof Set<?> || key instanceof PyDictView) {
            throw JinjaException.python("TypeError", "unhashable type: '" + typeName(key) + "'");
        }
    }

    /**
     * The value of {@code key} in a dict, or {@link #MISSING}, with Python's key equality: {@code 1},
     * {@code 1.0} and {@code True} find the same entry, as do a str and a Markup with the same text.
     */
    public static Object dictLookup(Map<?, ?> map, Object key) {
        Object v = map.get(key);
        if (v != null || map.containsKey(key)) {
            return v;
        }
        if (key instanceof String || key == null || map.isEmpty()) {
            return MISSING;
        }
        if (key instanceof PyMarkup m) {
            return dictLookup(map, m.text());
        }
        int k = PyNumbers.kind(key);
        if (k == 0) {
            return MISSING;
        }
        for (Object candidate : numericAliases(key, k)) {
            v = map.get(candidate);
            if (v != null || map.containsKey(candidate)) {
                return v;
            }
        }
        return MISSING;
    }

    /**
     * Python's {@code d[key] = value}: a key equal to an existing one ({@code 1.0} for {@code 1}, {@code True}
     * for {@code 1}) replaces that entry's value and keeps the existing key, as Python does.
     */
    public static void dictPut(Map<Object, Object> map, Object key, Object value) {
        requireHashable(key);
        Object existing = map.isEmpty() || key instanceof String ? MISSING : dictKey(map, key);
        map.put(existing == MISSING ? key : existing, value);
    }

    /** The key under which {@link #dictLookup} finds {@code key} in {@code map}, or {@link #MISSING}. */
    public static Object dictKey(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return key;
        }
        if (key instanceof PyMarkup m && map.containsKey(m.text())) {
            return m.text();
        }
        int k = PyNumbers.kind(key);
        if (k != 0) {
            for (Object candidate : numericAliases(key, k)) {
                if (map.containsKey(candidate)) {
                    return candidate;
                }
            }
        }
        return MISSING;
    }

    private static List<Object> numericAliases(Object key, int kind) {
        List<Object> out = new ArrayList<>(5);
        if (kind == 2) {
            double d = PyNumbers.toDouble(key);
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                if (key instanceof Float) {
                    out.add(d);
                }
                return out;
            }
            if (Math.abs(d) < 9.2e18) {
                addIntAliases(out, (long) d);
            }
            return out;
        }
        if (kind == 3) {
            BigDecimal d = (BigDecimal) key;
            try {
                addIntAliases(out, d.longValueExact());
            } catch (ArithmeticException e) {
                out.add(d.doubleValue());
            }
            return out;
        }
        if (!PyNumbers.fitsLong(key)) {
            return out;
        }
        addIntAliases(out, PyNumbers.toLong(key));
        return out;
    }

    private static void addIntAliases(List<Object> out, long v) {
        out.add(v);
        if (v == (int) v) {
            out.add((int) v);
        }
        out.add((double) v);
        if (v == 0 || v == 1) {
            out.add(v == 1);
        }
        out.add(BigInteger.valueOf(v));
    }

    // ============================================================================== arithmetic

    /** Raises the UndefinedError an undefined operand raises in arithmetic and ordering. */
    private static void failIfUndefined(Object a, Object b) {
        if (a instanceof Undefined u) {
            throw undefinedFailure(u);
        }
        if (b instanceof Undefined u) {
            throw undefinedFailure(u);
        }
    }

    private static JinjaException undefinedFailure(Undefined u) {
        if (u instanceof UndefinedValue v) {
            return v.fail();
        }
        return JinjaException.python("UndefinedError", u.message());
    }

    private static JinjaException unsupported(String op, Object a, Object b) {
        return JinjaException.python("TypeError",
                "unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    public static Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) < 0) {
                return BigInteger.valueOf(x).add(BigInteger.valueOf(y));
            }
            return r;
        }
        failIfUndefined(a, b);
        Object r = PyNumbers.add(a, b);
        if (r != null) {
            return r;
        }
        if (b instanceof PyMarkup m && a instanceof String s) {
            return new PyMarkup(PyMarkup.escapeText(s) + m.text());
        }
        if (a instanceof PyMarkup m) {
            if (isStr(b)) {
                return new PyMarkup(m.text() + PyMarkup.escape(b).text());
            }
            throw unsupported("+", a, b);
        }
        if (a instanceof String) {
            throw JinjaException.python("TypeError", "can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        if (a instanceof PyTuple x) {
            if (b instanceof PyTuple y) {
                List<Object> all = new ArrayList<>(x.size() + y.size());
                all.addAll(x);
                all.addAll(y);
                return PyTuple.copyOf(all);
            }
            throw JinjaException.python("TypeError", "can only concatenate tuple (not \"" + typeName(b) + "\") to tuple");
        }
        if (isList(a)) {
            if (isList(b)) {
                List<Object> all = new ArrayList<>(((List<?>) a).size() + ((List<?>) b).size());
                all.addAll((List<?>) a);
                all.addAll((List<?>) b);
                return all;
            }
            throw JinjaException.python("TypeError", "can only concatenate list (not \"" + typeName(b) + "\") to list");
        }
        throw unsupported("+", a, b);
    }

    public static Object sub(Object a, Object b) {
        failIfUndefined(a, b);
        Object r = PyNumbers.sub(a, b);
        if (r != null) {
            return r;
        }
        throw unsupported("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        failIfUndefined(a, b);
        Object r = PyNumbers.mul(a, b);
        if (r != null) {
            return r;
        }
        if (isSequence(a)) {
            return repeat(a, b);
        }
        if (isSequence(b) && PyNumbers.kind(a) != 0) {
            return repeat(b, a);
        }
        throw unsupported("*", a, b);
    }

    private static boolean isSequence(Object o) {
        return isStr(o) || (o instanceof List<?> && !(o instanceof PyRange));
    }

    private static Object repeat(Object seq, Object times) {
        if (!isInt(times)) {
            throw JinjaException.python("TypeError", "can't multiply sequence by non-int of type '" + typeName(times) + "'");
        }
        long n = PyNumbers.fitsLong(times) ? PyNumbers.toLong(times) : (((BigInteger) times).signum() < 0 ? 0 : Long.MAX_VALUE);
        int len = seq instanceof List<?> l ? l.size() : ((CharSequence) seq).length();
        if (n <= 0 || len == 0) {
            n = 0;
        } else if (n * (double) len > 100_000_000) {
            throw JinjaException.python("MemoryError", "");
        }
        int count = (int) n;
        if (seq instanceof String s) {
            return s.repeat(count);
        }
        if (seq instanceof PyMarkup m) {
            return new PyMarkup(m.text().repeat(count));
        }
        List<?> l = (List<?>) seq;
        List<Object> out = new ArrayList<>(l.size() * count);
        for (int i = 0; i < count; i++) {
            out.addAll(l);
        }
        return seq instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    public static Object truediv(Object a, Object b) {
        failIfUndefined(a, b);
        Object r = PyNumbers.truediv(a, b);
        if (r != null) {
            return r;
        }
        throw unsupported("/", a, b);
    }

    public static Object floordiv(Object a, Object b) {
        failIfUndefined(a, b);
        Object r = PyNumbers.floordiv(a, b);
        if (r != null) {
            return r;
        }
        throw unsupported("//", a, b);
    }

    /** Python's {@code %}: modulo for numbers, printf-style formatting for str. */
    public static Object mod(Object a, Object b) {
        if (a instanceof String s) {
            return PyFormat.printf(s, b, false);
        }
        if (a instanceof PyMarkup m) {
            return new PyMarkup(PyFormat.printf(m.text(), b, true));
        }
        failIfUndefined(a, b);
        Object r = PyNumbers.mod(a, b);
        if (r != null) {
            return r;
        }
        throw unsupported("%", a, b);
    }

    public static Object pow(Object a, Object b) {
        failIfUndefined(a, b);
        Object r = PyNumbers.pow(a, b);
        if (r != null) {
            return r;
        }
        throw unsupported("** or pow()", a, b);
    }

    public static Object neg(Object a) {
        if (a instanceof Undefined u) {
            throw undefinedFailure(u);
        }
        Object r = PyNumbers.neg(a);
        if (r != null) {
            return r;
        }
        throw JinjaException.python("TypeError", "bad operand type for unary -: '" + typeName(a) + "'");
    }

    public static Object pos(Object a) {
        if (a instanceof Undefined u) {
            throw undefinedFailure(u);
        }
        Object r = PyNumbers.pos(a);
        if (r != null) {
            return r;
        }
        throw JinjaException.python("TypeError", "bad operand type for unary +: '" + typeName(a) + "'");
    }

    // ============================================================================== attributes and items

    /**
     * Jinja2's {@code environment.getattr(obj, name)} as the sandbox allows it: Python attributes and methods
     * first (a {@code dict}'s {@code items}), then items ({@code d['name']}); {@link #MISSING} if neither.
     * Raises SecurityError for unsafe names (starting with an underscore).
     */
    public static Object getAttr(Object obj, String name) {
        if (obj instanceof UndefinedValue u) {
            return u.chain();
        }
        if (!name.isEmpty() && name.charAt(0) == '_') {
            return underscoreAttr(obj, name);
        }
        if (obj instanceof PyObject po) {
            Object v = po.getAttr(name);
            if (v != MISSING) {
                return v;
            }
            return po.getItem(name);
        }
        Object method = Methods.lookup(obj, name);
        if (method != MISSING) {
            return method;
        }
        if (obj instanceof Map<?, ?> m) {
            return dictLookup(m, name);
        }
        if (obj instanceof Number || obj instanceof Boolean) {
            return numberAttr(obj, name);
        }
        return MISSING;
    }

    /** The data attributes of Python's numbers: {@code real}, {@code imag}, {@code numerator}, {@code denominator}. */
    private static Object numberAttr(Object n, String name) {
        boolean integral = isInt(n);
        switch (name) {
            case "real":
                return integral ? PyNumbers.pos(n) : n;
            case "imag":
                return integral ? (Object) 0L : (Object) 0.0;
            case "numerator":
                return integral ? PyNumbers.pos(n) : MISSING;
            case "denominator":
                return integral ? (Object) 1L : MISSING;
            default:
                return MISSING;
        }
    }

    /**
     * Names starting with an underscore: attributes Python has under such a name (dunders, a macro's
     * {@code _func}) give the sandbox's unsafe undefined; a dict's keys are still items.
     */
    private static Object underscoreAttr(Object obj, String name) {
        boolean dunder = name.length() > 4 && name.startsWith("__") && name.endsWith("__");
        if (obj instanceof PyObject po) {
            Object v = po.getAttr(name);
            if (v != MISSING || dunder || (obj instanceof Macro && MACRO_PRIVATE.contains(name))) {
                return unsafe(obj, name);
            }
            return po.getItem(name);
        }
        if (dunder) {
            return unsafe(obj, name);
        }
        if (obj instanceof Map<?, ?> m) {
            return dictLookup(m, name);
        }
        return MISSING;
    }

    /** The private attributes of Jinja2's Macro objects. */
    private static final Set<String> MACRO_PRIVATE = Set.of("_environment", "_func", "_argument_count", "_default_autoescape");

    /**
     * The sandbox's answer to an unsafe attribute: an undefined that prints empty and raises SecurityError
     * on any other use ({@code access to attribute '__class__' of 'str' object is unsafe.}).
     */
    private static Object unsafe(Object obj, String name) {
        String type = obj instanceof BigDecimal ? "Decimal" : typeName(obj);
        return UndefinedValue.unsafe(io.slipway.jinja.UndefinedMode.DEFAULT,
                "access to attribute " + repr(name) + " of " + repr(type) + " object is unsafe.");
    }

    /** Jinja2's {@code environment.getitem(obj, key)}: items first, then attributes for str keys; {@link #MISSING} if neither. */
    public static Object getItem(Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            if (!isList(key) && !(key instanceof Map<?, ?>) && !(key instanceof Set<?>)) {
                Object v = dictLookup(m, key);
                if (v != MISSING) {
                    return v;
                }
            }
        } else if (obj instanceof List<?> l) {
            if (isInt(key)) {
                long i = PyNumbers.fitsLong(key) ? PyNumbers.toLong(key) : Long.MAX_VALUE;
                int n = l.size();
                if (i < 0) {
                    i += n;
                }
                if (i >= 0 && i < n) {
                    return l.get((int) i);
                }
                return MISSING;
            }
        } else if (obj instanceof String s) {
            if (isInt(key)) {
                return charAt(s, key);
            }
        } else if (obj instanceof UndefinedValue u) {
            return u.chain();
        } else if (obj instanceof PyObject po) {
            Object v = po.getItem(key);
            if (v != MISSING || !(key instanceof String)) {
                return v;
            }
            return po.getAttr((String) key);
        } else if (obj instanceof PyMarkup m) {
            if (isInt(key)) {
                Object c = charAt(m.text(), key);
                return c == MISSING ? c : new PyMarkup((String) c);
            }
        }
        if (key instanceof String name) {
            if (!name.isEmpty() && name.charAt(0) == '_') {
                boolean dunder = name.length() > 4 && name.startsWith("__") && name.endsWith("__");
                if (dunder && !(obj instanceof PyObject)) {
                    return unsafe(obj, name);
                }
                return MISSING;
            }
            if (obj instanceof PyObject po) {
                return obj instanceof List<?> ? po.getAttr(name) : MISSING;
            }
            return Methods.lookup(obj, name);
        }
        return MISSING;
    }

    private static Object charAt(String s, Object key) {
        long i = PyNumbers.fitsLong(key) ? PyNumbers.toLong(key) : Long.MAX_VALUE;
        int n0 = s.length();
        // UTF-16 and code point indexes agree while no surrogate precedes (or, from the end, follows) the index
        if (i >= 0 && i < n0 && !hasSurrogates(s, 0, (int) i + 1)) {
            return String.valueOf(s.charAt((int) i));
        }
        if (i < 0 && i >= -n0 && !hasSurrogates(s, (int) (n0 + i), n0)) {
            return String.valueOf(s.charAt((int) (n0 + i)));
        }
        if (!hasSurrogates(s)) {
            int n = s.length();
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                return String.valueOf(s.charAt((int) i));
            }
            return MISSING;
        }
        int[] cps = s.codePoints().toArray();
        if (i < 0) {
            i += cps.length;
        }
        if (i >= 0 && i < cps.length) {
            return new String(cps, (int) i, 1);
        }
        return MISSING;
    }

    static boolean hasSurrogates(String s) {
        return hasSurrogates(s, 0, s.length());
    }

    private static boolean hasSurrogates(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Python's {@code obj[start:stop:step]} for str, list and tuple; {@code null} bounds are omitted ones. */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof UndefinedValue u) {
            return u.chain();
        }
        if (!(obj instanceof List<?>) && !isStr(obj)) {
            if (obj instanceof PyObject po) {
                return po.getItem(PyTuple.of(start, stop, step));
            }
            return MISSING;
        }
        long stepValue = sliceIndex(step, 1);
        if (stepValue == 0) {
            throw JinjaException.python("ValueError", "slice step cannot be zero");
        }
        if (obj instanceof PyRange r) {
            int[] idx = sliceIndices(r.size(), start, stop, stepValue);
            long newStart = r.start() + (long) idx[0] * r.step();
            long newStop = r.start() + (long) idx[1] * r.step();
            long newStep = r.step() * stepValue;
            return new PyRange(newStart, newStop, newStep);
        }
        if (obj instanceof List<?> l) {
            int[] idx = sliceIndices(l.size(), start, stop, stepValue);
            List<Object> out = new ArrayList<>(idx[2]);
            for (int k = 0, i = idx[0]; k < idx[2]; k++, i += (int) stepValue) {
                out.add(l.get(i));
            }
            return obj instanceof PyTuple ? PyTuple.copyOf(out) : out;
        }
        String s = str(obj);
        String result;
        if (!hasSurrogates(s)) {
            int[] idx = sliceIndices(s.length(), start, stop, stepValue);
            if (stepValue == 1) {
                result = idx[2] == 0 ? "" : s.substring(idx[0], idx[0] + idx[2]);
            } else {
                StringBuilder sb = new StringBuilder(idx[2]);
                for (int k = 0, i = idx[0]; k < idx[2]; k++, i += (int) stepValue) {
                    sb.append(s.charAt(i));
                }
                result = sb.toString();
            }
        } else {
            int[] cps = s.codePoints().toArray();
            int[] idx = sliceIndices(cps.length, start, stop, stepValue);
            StringBuilder sb = new StringBuilder(idx[2]);
            for (int k = 0, i = idx[0]; k < idx[2]; k++, i += (int) stepValue) {
                sb.appendCodePoint(cps[i]);
            }
            result = sb.toString();
        }
        return obj instanceof PyMarkup ? new PyMarkup(result) : result;
    }

    private static long sliceIndex(Object bound, long dflt) {
        if (bound == null) {
            return dflt;
        }
        if (bound instanceof Undefined u) {
            throw JinjaException.python("TypeError", "slice indices must be integers or None or have an __index__ method");
        }
        if (!isInt(bound)) {
            throw JinjaException.python("TypeError", "slice indices must be integers or None or have an __index__ method");
        }
        if (!PyNumbers.fitsLong(bound)) {
            return ((BigInteger) bound).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        return PyNumbers.toLong(bound);
    }

    /** CPython's slice adjustment: start index, stop index, and number of items. */
    private static int[] sliceIndices(int length, Object startObj, Object stopObj, long step) {
        long start;
        long stop;
        if (step > 0) {
            start = startObj == null ? 0 : sliceIndex(startObj, 0);
            stop = stopObj == null ? length : sliceIndex(stopObj, length);
            start = clampIndex(start, length, 0, length);
            stop = clampIndex(stop, length, 0, length);
        } else {
            start = startObj == null ? length - 1 : sliceIndex(startObj, 0);
            stop = stopObj == null ? -1 : sliceIndex(stopObj, 0);
            start = clampIndex(start, length, -1, length - 1);
            if (stopObj == null) {
                stop = -1;
            } else {
                stop = clampIndex(stop, length, -1, length - 1);
            }
        }
        long count;
        if (step < 0) {
            count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
        } else {
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        }
        return new int[] {(int) start, (int) stop, (int) count};
    }

    private static long clampIndex(long i, int length, long low, long high) {
        if (i < 0) {
            i += length;
            if (i < 0) {
                i = low;
            }
        } else if (i >= length) {
            i = high;
        }
        return i;
    }

    // ============================================================================== iteration and length

    /** Python's {@code iter(value)}: chars of a str, keys of a dict, items of a list; raises TypeError if not iterable. */
    @SuppressWarnings("unchecked")
    public static Iterator<Object> iterate(Object value) {
        if (value instanceof List<?> l) {
            if (l instanceof PyTuple || l instanceof PyRange) {
                return (Iterator<Object>) l.iterator();
            }
            return new ListIterator(l);
        }
        if (value instanceof Map<?, ?> m) {
            return new KeyIterator((Iterator<Object>) m.keySet().iterator());
        }
        if (value instanceof String s) {
            return new CharIterator(s);
        }
        if (value instanceof PyMarkup m) {
            Iterator<Object> chars = new CharIterator(m.text());
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return chars.hasNext();
                }

                @Override
                public Object next() {
                    return new PyMarkup((String) chars.next());
                }
            };
        }
        if (value instanceof UndefinedValue u) {
            return u.iterate();
        }
        if (value instanceof Undefined) {
            return Collections.emptyIterator();
        }
        if (value instanceof Iterable<?> it) {
            return (Iterator<Object>) it.iterator();
        }
        if (value instanceof Iterator<?> it) {
            return (Iterator<Object>) it;
        }
        throw JinjaException.python("TypeError", "'" + typeName(value) + "' object is not iterable");
    }

    /** Python's {@code list(value)}: a new ArrayList of the items {@link #iterate} gives. */
    public static List<Object> toList(Object value) {
        if (value instanceof Collection<?> c && !(value instanceof Set<?>) && !(value instanceof PyDictView)) {
            return new ArrayList<>(c);
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = iterate(value);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** Python's {@code len(value)}. */
    public static int len(Object value) {
        if (value instanceof String s) {
            return hasSurrogates(s) ? s.codePointCount(0, s.length()) : s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        if (value instanceof PyMarkup m) {
            return len(m.text());
        }
        if (value instanceof UndefinedValue u) {
            return u.len();
        }
        if (value instanceof Undefined) {
            return 0;
        }
        throw JinjaException.python("TypeError", "object of type '" + typeName(value) + "' has no len()");
    }

    /** Iterates a list by index, as Python does, so items appended during the loop are visited. */
    private static final class ListIterator implements Iterator<Object> {
        private final List<?> list;
        private int index;

        ListIterator(List<?> list) {
            this.list = list;
        }

        @Override
        public boolean hasNext() {
            return index < list.size();
        }

        @Override
        public Object next() {
            if (index >= list.size()) {
                throw new NoSuchElementException();
            }
            return list.get(index++);
        }
    }

    /** A dict's keys; adding or removing keys during the loop raises Python's RuntimeError. */
    private static final class KeyIterator implements Iterator<Object> {
        private final Iterator<Object> keys;

        KeyIterator(Iterator<Object> keys) {
            this.keys = keys;
        }

        @Override
        public boolean hasNext() {
            return keys.hasNext();
        }

        @Override
        public Object next() {
            try {
                return keys.next();
            } catch (java.util.ConcurrentModificationException e) {
                throw JinjaException.python("RuntimeError", "dictionary changed size during iteration");
            }
        }
    }

    /** Iterates a str by code point, each as a one-character str. */
    private static final class CharIterator implements Iterator<Object> {
        private final String s;
        private int index;

        CharIterator(String s) {
            this.s = s;
        }

        @Override
        public boolean hasNext() {
            return index < s.length();
        }

        @Override
        public Object next() {
            if (index >= s.length()) {
                throw new NoSuchElementException();
            }
            char c = s.charAt(index);
            if (Character.isHighSurrogate(c) && index + 1 < s.length() && Character.isLowSurrogate(s.charAt(index + 1))) {
                String out = s.substring(index, index + 2);
                index += 2;
                return out;
            }
            index++;
            return String.valueOf(c);
        }
    }
}

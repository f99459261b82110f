package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;

import java.util.Iterator;

/**
 * Python's semantics for template values (see the package documentation of {@code io.slipway.jinja} for
 * the mapping of Python types to Java types). Errors are {@link JinjaException#python} with the Python
 * type and message CPython gives ({@code TypeError: unsupported operand type(s) for +: 'int' and 'str'}).
 * Operations on an {@link UndefinedValue} follow its mode (they raise {@code UndefinedError} where Jinja2 does).
 */
public final class Py {
    private Py() {
    }

    /** Returned by {@link #getAttr} and {@link #getItem} when nothing is found; callers turn it into an undefined. */
    public static final Object MISSING = io.slipway.jinja.PyObject.MISSING;

    public static boolean truthy(Object value) { throw todo(); }

    /** Python's {@code str(value)}: {@code True}, {@code None}, {@code ['a', 1]}, {@code 2.5}, {@code 1e+16}. */
    public static String str(Object value) { throw todo(); }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) { throw todo(); }

    /** Python's type name, as error messages show it: {@code int}, {@code str}, {@code NoneType}, {@code dict}. */
    public static String typeName(Object value) { throw todo(); }

    /** Python's {@code ==} ({@code 1 == 1.0 == True}, {@code '3' != 3}, lists and dicts by content). */
    public static boolean eq(Object a, Object b) { throw todo(); }

    /** Python's ordering comparison; {@code op} is one of {@code < <= > >=}. Raises TypeError for unorderable types. */
    public static boolean compare(String op, Object a, Object b) { throw todo(); }

    /** Python's {@code item in container} (substring for str, key for dict). */
    public static boolean contains(Object container, Object item) { throw todo(); }

    public static Object add(Object a, Object b) { throw todo(); }
    public static Object sub(Object a, Object b) { throw todo(); }
    public static Object mul(Object a, Object b) { throw todo(); }
    public static Object truediv(Object a, Object b) { throw todo(); }
    public static Object floordiv(Object a, Object b) { throw todo(); }
    /** Python's {@code %}: modulo for numbers, printf-style formatting for str. */
    public static Object mod(Object a, Object b) { throw todo(); }
    public static Object pow(Object a, Object b) { throw todo(); }
    public static Object neg(Object a) { throw todo(); }
    public static Object pos(Object a) { throw todo(); }

    /**
     * Jinja2's {@code environment.getattr(obj, name)} as the sandbox allows it: Python attributes and methods
     * first (a {@code dict}'s {@code items}), then items ({@code d['name']}); {@link #MISSING} if neither.
     * Raises SecurityError for unsafe names (starting with an underscore).
     */
    public static Object getAttr(Object obj, String name) { throw todo(); }

    /** Jinja2's {@code environment.getitem(obj, key)}: items first, then attributes for str keys; {@link #MISSING} if neither. */
    public static Object getItem(Object obj, Object key) { throw todo(); }

    /** Python's {@code obj[start:stop:step]} for str, list and tuple; {@code null} bounds are omitted ones. */
    public static Object slice(Object obj, Object start, Object stop, Object step) { throw todo(); }

    /** Python's {@code iter(value)}: chars of a str, keys of a dict, items of a list; raises TypeError if not iterable. */
    public static Iterator<Object> iterate(Object value) { throw todo(); }

    /** Python's {@code len(value)}. */
    public static int len(Object value) { throw todo(); }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("not implemented yet");
    }
}

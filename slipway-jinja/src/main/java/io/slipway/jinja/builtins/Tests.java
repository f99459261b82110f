package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Test;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyDictView;
import io.slipway.jinja.runtime.PyMarkup;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Jinja2's built-in tests ({@code value is name(args)}). */
final class Tests {
    private Tests() {
    }

    private static final Signature ODD = Signature.of("test_odd", 0, "value");
    private static final Signature EVEN = Signature.of("test_even", 0, "value");
    private static final Signature DIVISIBLEBY = Signature.of("test_divisibleby", 0, "value", "num", Signature.REQUIRED);
    private static final Signature IN = Signature.of("test_in", 0, "value", "seq", Signature.REQUIRED);
    private static final Signature SAMEAS = Signature.of("test_sameas", 0, "value", "other", Signature.REQUIRED);

    static void register(Map<String, Test> t) {
        t.put("odd", (c, v, a) -> {
            ODD.bind(v, a);
            return Py.eq(Py.mod(v, 2L), 1L);
        });
        t.put("even", (c, v, a) -> {
            EVEN.bind(v, a);
            return Py.eq(Py.mod(v, 2L), 0L);
        });
        t.put("divisibleby", (c, v, a) -> {
            Object[] p = DIVISIBLEBY.bind(v, a);
            return Py.eq(Py.mod(v, p[1]), 0L);
        });
        t.put("defined", unary("test_defined", v -> !(v instanceof Undefined)));
        t.put("undefined", unary("test_undefined", v -> v instanceof Undefined));
        t.put("filter", (c, v, a) -> {
            Signature.of("test_filter", 1, "value").bind(v, a);
            return v instanceof String s && c.environment().filter(s) != null;
        });
        t.put("test", (c, v, a) -> {
            Signature.of("test_test", 1, "value").bind(v, a);
            return v instanceof String s && c.environment().test(s) != null;
        });
        t.put("none", unary("test_none", v -> v == null));
        t.put("boolean", unary("test_boolean", v -> v instanceof Boolean));
        t.put("false", unary("test_false", v -> Boolean.FALSE.equals(v)));
        t.put("true", unary("test_true", v -> Boolean.TRUE.equals(v)));
        t.put("integer", unary("test_integer", v -> Py.isInt(v) && !(v instanceof Boolean)));
        t.put("float", unary("test_float", v -> v instanceof Double || v instanceof Float));
        t.put("lower", unary("test_lower", v -> Boolean.TRUE.equals(StrMethods.TABLE.get("islower").call(null, Py.str(v), Arguments.empty()))));
        t.put("upper", unary("test_upper", v -> Boolean.TRUE.equals(StrMethods.TABLE.get("isupper").call(null, Py.str(v), Arguments.empty()))));
        t.put("string", unary("test_string", v -> v instanceof String || v instanceof PyMarkup));
        t.put("mapping", unary("test_mapping", v -> v instanceof Map<?, ?>));
        t.put("number", unary("test_number", Py::isNumber));
        t.put("sequence", unary("test_sequence", Tests::isSequence));
        t.put("iterable", unary("test_iterable", Tests::isIterable));
        t.put("callable", (c, v, a) -> {
            if (a.size() != 0) {
                throw JinjaException.python("TypeError", "callable() takes exactly one argument (" + (a.size() + 1) + " given)");
            }
            // an undefined is callable in Python (calling it raises)
            return v instanceof JinjaCallable || v instanceof Undefined;
        });
        t.put("sameas", (c, v, a) -> {
            Object[] p = SAMEAS.bind(v, a);
            return sameAs(v, p[1]);
        });
        t.put("escaped", unary("test_escaped", v -> v instanceof PyMarkup));
        t.put("in", (c, v, a) -> {
            Object[] p = IN.bind(v, a);
            return Py.contains(p[1], v);
        });
        Test eq = (c, v, a) -> Py.eq(v, operand("eq", v, a));
        Test ne = (c, v, a) -> !Py.eq(v, operand("ne", v, a));
        Test gt = (c, v, a) -> Py.compare(">", v, operand("gt", v, a));
        Test ge = (c, v, a) -> Py.compare(">=", v, operand("ge", v, a));
        Test lt = (c, v, a) -> Py.compare("<", v, operand("lt", v, a));
        Test le = (c, v, a) -> Py.compare("<=", v, operand("le", v, a));
        t.put("==", eq);
        t.put("eq", eq);
        t.put("equalto", eq);
        t.put("!=", ne);
        t.put("ne", ne);
        t.put(">", gt);
        t.put("gt", gt);
        t.put("greaterthan", gt);
        t.put(">=", ge);
        t.put("ge", ge);
        t.put("<", lt);
        t.put("lt", lt);
        t.put("lessthan", lt);
        t.put("<=", le);
        t.put("le", le);
    }

    private interface Check {
        boolean check(Object value);
    }

    private static Test unary(String function, Check check) {
        Signature sig = Signature.of(function, 0, "value");
        return (c, v, a) -> {
            if (a.size() != 0) {
                sig.bind(v, a);
            }
            return check.check(v);
        };
    }

    /** The second operand of Python's operator functions ({@code operator.eq(a, b)}). */
    private static Object operand(String name, Object value, Arguments a) {
        if (!a.keywords().isEmpty()) {
            throw JinjaException.python("TypeError", name + "() takes no keyword arguments");
        }
        if (a.positional().size() != 1) {
            throw JinjaException.python("TypeError", name + " expected 2 arguments, got " + (a.positional().size() + 1));
        }
        return a.positional().get(0);
    }

    /** Jinja2's {@code sequence} test: has a length and supports subscription. */
    static boolean isSequence(Object v) {
        if (v instanceof PyDictView || v instanceof Set<?>) {
            return false;
        }
        if (v instanceof io.slipway.jinja.runtime.UndefinedValue u) {
            try {
                u.len(); // strict undefineds raise on len(), which the test reads as "not a sequence"
            } catch (JinjaException e) {
                return false;
            }
        }
        return v instanceof List<?> || v instanceof Map<?, ?> || Py.isStr(v) || v instanceof Undefined;
    }

    static boolean isIterable(Object v) {
        if (v instanceof io.slipway.jinja.runtime.UndefinedValue u) {
            u.iterate(); // strict undefineds raise here, as iter() does in Jinja2
            return true;
        }
        return v instanceof Iterable<?> || v instanceof Map<?, ?> || Py.isStr(v) || v instanceof Undefined
                || v instanceof java.util.Iterator<?>
                || (v instanceof io.slipway.jinja.runtime.PyTyped t && t.pythonTypeName().equals("LoopContext"));
    }

    /**
     * Python's {@code is}: identity for containers and objects; for immutable scalars the interpreter shares
     * the objects templates compare (None, booleans, small ints, equal str constants), so equal values of
     * the same type count as the same.
     */
    static boolean sameAs(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Boolean || a instanceof String) {
            return a.equals(b);
        }
        if (Py.isInt(a) && Py.isInt(b) && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            long x = ((Number) a).longValue();
            return x >= -5 && x <= 256 && x == ((Number) b).longValue();
        }
        return false;
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Filter;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyFloat;
import io.slipway.jinja.runtime.PyNumbers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/** Jinja2's numeric filters: abs, int, float, round. */
final class NumberFilters {
    private NumberFilters() {
    }

    static void register(Map<String, Filter> f) {
        f.put("abs", NumberFilters::abs);
        f.put("int", NumberFilters::toInt);
        f.put("float", NumberFilters::toFloat);
        f.put("round", NumberFilters::round);
    }

    private static final Signature INT = Signature.of("do_int", 0, "value", "default", 0L, "base", 10L);
    private static final Signature FLOAT = Signature.of("do_float", 0, "value", "default", 0.0);
    private static final Signature ROUND = Signature.of("do_round", 0, "value", "precision", 0L, "method", "common");

    private static Object abs(CallContext c, Object value, Arguments args) {
        if (args.size() > 0) {
            throw JinjaException.python("TypeError", "abs() takes exactly one argument (" + (args.size() + 1) + " given)");
        }
        Object r = PyNumbers.abs(value);
        if (r == null) {
            throw JinjaException.python("TypeError", "bad operand type for abs(): '" + Py.typeName(value) + "'");
        }
        return r;
    }

    private static Object toInt(CallContext c, Object value, Arguments args) {
        Object[] p = INT.bind(value, args);
        Object dflt = p[1];
        try {
            if (Py.isStr(value)) {
                return Support.parseInt(Py.str(value), Methods.index(p[2]));
            }
            return Support.toInt(value);
        } catch (JinjaException e) {
            if (!Support.isPython(e, "TypeError", "ValueError")) {
                throw e;
            }
        }
        try {
            return Support.toInt(Support.toFloat(value));
        } catch (JinjaException e) {
            if (Support.isPython(e, "TypeError", "ValueError", "OverflowError")) {
                return dflt;
            }
            throw e;
        }
    }

    private static Object toFloat(CallContext c, Object value, Arguments args) {
        Object[] p = FLOAT.bind(value, args);
        try {
            return Support.toFloat(value);
        } catch (JinjaException e) {
            if (Support.isPython(e, "TypeError", "ValueError")) {
                return p[1];
            }
            throw e;
        }
    }

    private static Object round(CallContext c, Object value, Arguments args) {
        Object[] p = ROUND.bind(value, args);
        Object method = p[2];
        if (!Py.eq(method, "common") && !Py.eq(method, "ceil") && !Py.eq(method, "floor")) {
            throw Support.filterArgumentError("method must be common, ceil or floor");
        }
        Object precision = p[1];
        if (Py.eq(method, "common")) {
            return pythonRound(value, precision);
        }
        // math.ceil/floor(value * 10**precision) / 10**precision
        Object scale = Py.pow(10L, precision);
        Object scaled = Py.mul(value, scale);
        Object whole;
        if (Py.isInt(scaled)) {
            whole = scaled;
        } else if (scaled instanceof BigDecimal d) {
            whole = PyNumbers.normalize(d.setScale(0, Py.eq(method, "ceil") ? RoundingMode.CEILING : RoundingMode.FLOOR).toBigIntegerExact());
        } else if (scaled instanceof Double || scaled instanceof Float) {
            double d = ((Number) scaled).doubleValue();
            double r = Py.eq(method, "ceil") ? Math.ceil(d) : Math.floor(d);
            whole = Support.toInt(r);
        } else {
            throw JinjaException.python("TypeError", "must be real number, not " + Py.typeName(scaled));
        }
        return Py.truediv(whole, scale);
    }

    /** Python's {@code round(value, ndigits)}. */
    static Object pythonRound(Object value, Object ndigitsValue) {
        if (ndigitsValue != null && !Py.isInt(ndigitsValue)) {
            throw JinjaException.python("TypeError", "'" + Py.typeName(ndigitsValue) + "' object cannot be interpreted as an integer");
        }
        long ndigits = ndigitsValue == null ? 0 : Methods.index(ndigitsValue);
        if (value instanceof Double || value instanceof Float) {
            return PyFloat.round(((Number) value).doubleValue(), (int) Math.max(-400, Math.min(400, ndigits)));
        }
        if (Py.isInt(value)) {
            if (ndigits >= 0) {
                return Py.pos(value);
            }
            BigInteger v = value instanceof BigInteger b ? b : BigInteger.valueOf(value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue());
            BigDecimal r = new BigDecimal(v).setScale((int) ndigits, RoundingMode.HALF_EVEN);
            return PyNumbers.normalize(r.setScale(0, RoundingMode.UNNECESSARY).toBigInteger());
        }
        if (value instanceof BigDecimal d) {
            return d.setScale((int) ndigits, RoundingMode.HALF_EVEN);
        }
        throw JinjaException.python("TypeError", "type " + Py.typeName(value) + " doesn't define __round__ method");
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.runtime.Py;

import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static io.slipway.jinja.builtins.Methods.noArgs;

/** The few {@code int} and {@code float} methods templates use. */
final class NumberMethods {
    private NumberMethods() {
    }

    static final Map<String, Methods.Impl> INT;
    static final Map<String, Methods.Impl> FLOAT;

    static {
        Map<String, Methods.Impl> i = new HashMap<>();
        i.put("bit_length", (c, s, a) -> {
            noArgs("int.bit_length", a);
            BigInteger b = s instanceof BigInteger x ? x : BigInteger.valueOf(((Number) (s instanceof Boolean t ? (t ? 1L : 0L) : s)).longValue());
            return (long) b.abs().bitLength();
        });
        i.put("conjugate", (c, s, a) -> {
            noArgs("int.conjugate", a);
            return Py.pos(s);
        });
        i.put("is_integer", (c, s, a) -> {
            noArgs("int.is_integer", a);
            return true;
        });
        INT = Collections.unmodifiableMap(i);

        Map<String, Methods.Impl> f = new HashMap<>();
        f.put("is_integer", (c, s, a) -> {
            noArgs("float.is_integer", a);
            double d = ((Number) s).doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        });
        f.put("conjugate", (c, s, a) -> {
            noArgs("float.conjugate", a);
            return ((Number) s).doubleValue();
        });
        FLOAT = Collections.unmodifiableMap(f);
    }
}

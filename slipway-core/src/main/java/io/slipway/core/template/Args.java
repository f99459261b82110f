package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.Arguments;
import io.slipway.jinja.runtime.Py;

/** Small helpers for reading Python-style arguments in context functions. */
final class Args {
    private Args() {
    }

    static String string(Arguments args, int index, String name, String defaultValue) {
        Object v = args.get(index, name, defaultValue);
        return v == null ? null : v instanceof String s ? s : Py.str(v);
    }

    static String required(Arguments args, int index, String name, String function) {
        if (!args.has(index, name)) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, function + "() missing required argument '" + name + "'");
        }
        return string(args, index, name, null);
    }

    static boolean bool(Arguments args, int index, String name, boolean defaultValue) {
        Object v = args.get(index, name, defaultValue);
        return v == null ? false : Py.truthy(v);
    }

    static long integer(Arguments args, int index, String name, long defaultValue) {
        Object v = args.get(index, name, defaultValue);
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v == null ? defaultValue : Long.parseLong(v.toString().trim());
    }
}

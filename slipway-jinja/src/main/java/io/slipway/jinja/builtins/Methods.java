package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;
import io.slipway.jinja.runtime.PyTyped;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods of Python's {@code str}, {@code list}, {@code dict} and {@code tuple} that templates call
 * ({@code s.upper()}, {@code l.append(x)}, {@code d.items()}, {@code ','.join(xs)}, {@code '{}'.format(x)}).
 */
public final class Methods {
    private Methods() {
    }

    /** A method body: the receiver and the call's arguments. */
    @FunctionalInterface
    interface Impl {
        Object call(CallContext context, Object self, Arguments args);
    }

    /** A method bound to its receiver, printed as CPython prints built-in methods. */
    record BoundMethod(Object self, String name, Impl impl) implements JinjaCallable, PyObject, PyTyped {
        @Override
        public Object call(CallContext context, Arguments args) {
            return impl.call(context, self, args);
        }

        @Override
        public Object getAttr(String attr) {
            return MISSING;
        }

        @Override
        public String repr() {
            return "<built-in method " + name + " of " + Py.typeName(self) + " object at 0x7f0000000000>";
        }

        @Override
        public String pythonTypeName() {
            return "builtin_function_or_method";
        }
    }

    /**
     * The bound method {@code name} of {@code receiver} as a {@link io.slipway.jinja.JinjaCallable}, or
     * {@link io.slipway.jinja.PyObject#MISSING} when the receiver's type has no such method.
     */
    public static Object lookup(Object receiver, String name) {
        Impl impl;
        if (receiver instanceof String || receiver instanceof PyMarkup) {
            impl = StrMethods.TABLE.get(name);
        } else if (receiver instanceof Map<?, ?>) {
            impl = DictMethods.TABLE.get(name);
        } else if (receiver instanceof PyTuple) {
            impl = SequenceMethods.TUPLE.get(name);
        } else if (Py.isList(receiver)) {
            impl = SequenceMethods.LIST.get(name);
        } else if (receiver instanceof List<?>) { // range
            impl = SequenceMethods.RANGE.get(name);
        } else if (receiver instanceof Double || receiver instanceof Float) {
            impl = NumberMethods.FLOAT.get(name);
        } else if (Py.isInt(receiver)) {
            impl = NumberMethods.INT.get(name);
        } else if (receiver instanceof Set<?>) {
            impl = SequenceMethods.SET.get(name);
        } else {
            impl = null;
        }
        if (impl == null) {
            return PyObject.MISSING;
        }
        return new BoundMethod(receiver, name, impl);
    }

    // ------------------------------------------------------------------------------------ argument checks

    /** METH_NOARGS methods: {@code str.upper() takes no arguments (1 given)}. */
    static void noArgs(String qualified, Arguments args) {
        if (!args.keywords().isEmpty()) {
            throw typeError(qualified + "() takes no keyword arguments");
        }
        if (!args.positional().isEmpty()) {
            throw typeError(qualified + "() takes no arguments (" + args.positional().size() + " given)");
        }
    }

    /** METH_O methods: {@code list.append() takes exactly one argument (0 given)}. */
    static Object oneArg(String qualified, Arguments args) {
        if (!args.keywords().isEmpty()) {
            throw typeError(qualified + "() takes no keyword arguments");
        }
        if (args.positional().size() != 1) {
            throw typeError(qualified + "() takes exactly one argument (" + args.positional().size() + " given)");
        }
        return args.positional().get(0);
    }

    /** Argument-clinic positional-only methods: {@code replace expected at least 2 arguments, got 1}. */
    static List<Object> positional(String qualified, Arguments args, int min, int max) {
        if (!args.keywords().isEmpty()) {
            throw typeError(qualified + "() takes no keyword arguments");
        }
        String name = qualified.substring(qualified.indexOf('.') + 1);
        int n = args.positional().size();
        if (n < min || n > max) {
            String plural = (n < min ? min : max) == 1 ? " argument" : " arguments";
            if (min == max) {
                throw typeError(name + " expected " + min + plural + ", got " + n);
            }
            if (n < min) {
                throw typeError(name + " expected at least " + min + plural + ", got " + n);
            }
            throw typeError(name + " expected at most " + max + plural + ", got " + n);
        }
        return args.positional();
    }

    /** Older-style methods: {@code find() takes at least 1 argument (0 given)}. */
    static List<Object> positionalOld(String qualified, Arguments args, int min, int max) {
        if (!args.keywords().isEmpty()) {
            throw typeError(qualified + "() takes no keyword arguments");
        }
        String name = qualified.substring(qualified.indexOf('.') + 1);
        int n = args.positional().size();
        if (n < min) {
            throw typeError(name + "() takes at least " + min + (min == 1 ? " argument" : " arguments") + " (" + n + " given)");
        }
        if (n > max) {
            throw typeError(name + "() takes at most " + max + (max == 1 ? " argument" : " arguments") + " (" + n + " given)");
        }
        return args.positional();
    }

    /** Python's {@code __index__}: an int argument, or TypeError naming the type. */
    static long index(Object value) {
        if (Py.isInt(value)) {
            return ((Number) (value instanceof Boolean b ? (b ? 1L : 0L) : value)).longValue();
        }
        throw typeError("'" + Py.typeName(value) + "' object cannot be interpreted as an integer");
    }

    static JinjaException typeError(String message) {
        return JinjaException.python("TypeError", message);
    }

    static JinjaException valueError(String message) {
        return JinjaException.python("ValueError", message);
    }

    /** Iterates any iterable value as Python's {@code for} does. */
    static List<Object> items(Object iterable) {
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = Py.iterate(iterable);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }
}

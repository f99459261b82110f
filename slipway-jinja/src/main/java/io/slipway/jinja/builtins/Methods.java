package io.slipway.jinja.builtins;

/**
 * The methods of Python's {@code str}, {@code list}, {@code dict} and {@code tuple} that templates call
 * ({@code s.upper()}, {@code l.append(x)}, {@code d.items()}, {@code ','.join(xs)}, {@code '{}'.format(x)}).
 */
public final class Methods {
    private Methods() {
    }

    /**
     * The bound method {@code name} of {@code receiver} as a {@link io.slipway.jinja.JinjaCallable}, or
     * {@link io.slipway.jinja.PyObject#MISSING} when the receiver's type has no such method.
     */
    public static Object lookup(Object receiver, String name) {
        return io.slipway.jinja.PyObject.MISSING;
    }
}

package io.slipway.jinja.runtime;

/**
 * Thrown by dbt's {@code return(x)} ({@link io.slipway.jinja.MacroReturn#FUNCTION}) and caught by the
 * innermost macro call, which returns {@link #value()}. Carries no stack trace: it is control flow.
 */
public final class ReturnSignal extends RuntimeException {
    private final transient Object value;

    public ReturnSignal(Object value) {
        super("return() called outside of a macro", null, false, false);
        this.value = value;
    }

    public Object value() {
        return value;
    }
}

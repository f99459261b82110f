package io.slipway.jinja;

/**
 * dbt's {@code return(x)}: register {@link #FUNCTION} as the global {@code return} and a macro whose body
 * calls it ends at once and returns {@code x} (any value, not only a string) to its caller.
 */
public final class MacroReturn {
    private MacroReturn() {
    }

    /** The {@code return} function; ends the innermost macro call with its argument as the value. */
    public static final JinjaCallable FUNCTION = (context, args) -> {
        if (args.size() != 1) {
            throw JinjaException.python("TypeError", "return() takes exactly one argument (" + args.size() + " given)");
        }
        Object value = args.positional().isEmpty() ? args.keywords().values().iterator().next() : args.positional().get(0);
        throw new io.slipway.jinja.runtime.ReturnSignal(value);
    };
}

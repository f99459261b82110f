package io.slipway.jinja;

/**
 * Anything a template can call: global functions, methods of host objects, macros.
 *
 * <p>Implementations must be safe to call from many threads at once when they are shared between
 * renders (for example registered as environment globals).
 */
@FunctionalInterface
public interface JinjaCallable {
    /**
     * Calls with Python-style arguments.
     *
     * @param context the render in progress: where the call happens and what names it sees
     * @param args    positional and keyword arguments, {@code *args}/{@code **kwargs} already expanded
     * @return the result, a Python value (see the package documentation)
     */
    Object call(CallContext context, Arguments args);
}

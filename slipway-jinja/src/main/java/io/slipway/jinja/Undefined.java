package io.slipway.jinja;

/**
 * The value of a name, attribute or item that does not exist. Its behaviour follows the environment's
 * {@link UndefinedMode}. It carries a hint for the error message, as Jinja2's does
 * ({@code 'x' is undefined}, {@code 'dict object' has no attribute 'y'}).
 */
public interface Undefined {
    /** The message Jinja2 would raise on use, for example {@code 'x' is undefined}. */
    String message();
}

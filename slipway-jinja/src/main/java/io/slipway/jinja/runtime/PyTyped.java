package io.slipway.jinja.runtime;

/**
 * A value that names its Python type, for error messages and undefined hints
 * ({@code 'range' object ...}, {@code 'jinja2.utils.Namespace object' has no attribute 'x'}).
 */
public interface PyTyped {
    /** The type's {@code __name__}, e.g. {@code range}, {@code Namespace}. */
    String pythonTypeName();

    /** The type's module, {@code builtins} for built-in types. */
    default String pythonModule() {
        return "builtins";
    }
}

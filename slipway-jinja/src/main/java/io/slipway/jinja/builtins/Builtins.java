package io.slipway.jinja.builtins;

import io.slipway.jinja.Filter;
import io.slipway.jinja.Test;

import java.util.Map;

/** Jinja2's built-in filters, tests and globals, as the default environment registers them. */
public final class Builtins {
    private Builtins() {
    }

    /** Every Jinja2 3.1 built-in filter, by name (aliases such as {@code d}, {@code e}, {@code count} included). */
    public static Map<String, Filter> filters() { throw new UnsupportedOperationException(); }

    /** Every Jinja2 3.1 built-in test, by name (aliases such as {@code ==}, {@code lt}, {@code sameas} included). */
    public static Map<String, Test> tests() { throw new UnsupportedOperationException(); }

    /** Jinja2's default globals: {@code range}, {@code dict}, {@code lipsum}, {@code cycler}, {@code joiner}, {@code namespace}. */
    public static Map<String, Object> globals() { throw new UnsupportedOperationException(); }
}

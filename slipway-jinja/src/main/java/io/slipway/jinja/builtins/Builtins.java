package io.slipway.jinja.builtins;

import io.slipway.jinja.Filter;
import io.slipway.jinja.Test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's built-in filters, tests and globals, as the default environment registers them. */
public final class Builtins {
    private Builtins() {
    }

    private static final Map<String, Filter> FILTERS;
    private static final Map<String, Test> TESTS;

    static {
        Map<String, Filter> f = new LinkedHashMap<>();
        NumberFilters.register(f);
        SequenceFilters.register(f);
        TextFilters.register(f);
        FILTERS = Collections.unmodifiableMap(f);
        Map<String, Test> t = new LinkedHashMap<>();
        Tests.register(t);
        TESTS = Collections.unmodifiableMap(t);
    }

    /**
     * Every Jinja2 3.1 built-in filter, by name (aliases such as {@code d}, {@code e}, {@code count} included),
     * plus dbt's text-mode {@code as_bool}, {@code as_native}, {@code as_number} and {@code as_text}.
     */
    public static Map<String, Filter> filters() {
        return FILTERS;
    }

    /** Every Jinja2 3.1 built-in test, by name (aliases such as {@code ==}, {@code lt}, {@code sameas} included). */
    public static Map<String, Test> tests() {
        return TESTS;
    }

    /**
     * Jinja2's default globals: {@code range} (the sandbox's, limited to 100000 items), {@code dict},
     * {@code lipsum}, {@code cycler}, {@code joiner}, {@code namespace}. The functions are stateless and
     * shareable; what they return (a cycler, a namespace) belongs to one render.
     */
    public static Map<String, Object> globals() {
        Map<String, Object> g = new LinkedHashMap<>();
        GlobalFunctions.register(g);
        return Collections.unmodifiableMap(g);
    }
}

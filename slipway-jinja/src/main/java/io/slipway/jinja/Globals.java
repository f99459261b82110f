package io.slipway.jinja;

import java.util.Map;

/**
 * The names a render sees beyond its own locals, resolved lazily so a host can offer thousands of names
 * (every macro of a project, say) without building a map per render.
 */
@FunctionalInterface
public interface Globals {
    /** Returned by {@link #lookup} for a name it does not know. */
    Object MISSING = PyObject.MISSING;

    /** The value bound to {@code name}, or {@link #MISSING}. {@code null} is Python's {@code None}. */
    Object lookup(String name);

    /** Globals backed by a map; the map must not change while renders use it. */
    static Globals of(Map<String, ?> values) {
        return name -> {
            Object v = values.get(name);
            return v != null || values.containsKey(name) ? v : MISSING;
        };
    }

    /** No names. */
    static Globals empty() {
        return name -> MISSING;
    }
}

package io.slipway.core.template;

import io.slipway.jinja.Globals;

import java.util.AbstractMap;
import java.util.Set;

/**
 * dbt's {@code context}: the render's names as a read-only dict, so macros can test for a macro
 * ({@code 'snapshot_check_strategy' in context}) and fetch it by a computed name ({@code context[name]}).
 * Not iterable: listing every name a render could see is not something templates need.
 */
public final class ContextView extends AbstractMap<String, Object> {
    private final Globals globals;

    public ContextView(Globals globals) {
        this.globals = globals;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Object value = globals.lookup(name);
        return value == Globals.MISSING ? null : value;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && globals.lookup(name) != Globals.MISSING;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Set.of();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "<context>";
    }
}

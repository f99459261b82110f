package io.slipway.core.template;

import io.slipway.jinja.PyObject;

import java.util.Map;

/** A read-only object whose attributes are a map's entries ({@code flags.FULL_REFRESH}). */
record MapObject(String label, Map<String, Object> values) implements PyObject {
    @Override
    public Object getAttr(String name) {
        return values.containsKey(name) ? values.get(name) : MISSING;
    }

    @Override
    public String repr() {
        return "<" + label + ">";
    }
}

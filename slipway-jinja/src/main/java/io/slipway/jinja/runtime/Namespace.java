package io.slipway.jinja.runtime;

import io.slipway.jinja.PyObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Jinja2's {@code namespace(...)} returns: an object whose attributes templates can assign with
 * {@code {% set ns.name = value %}}, the one way to carry a value out of a loop. Printed as
 * {@code <Namespace {'a': 1}>}. Belongs to one render; not thread-safe.
 */
public final class Namespace implements PyObject, PyTyped {
    private final Map<String, Object> attributes;

    /** A namespace with these initial attributes (copied, in order). */
    public Namespace(Map<String, ?> initial) {
        this.attributes = new LinkedHashMap<>(initial);
    }

    /** Sets an attribute, as {@code {% set ns.name = value %}} does. */
    public void set(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public Object getAttr(String name) {
        Object v = attributes.get(name);
        if (v == null && !attributes.containsKey(name)) {
            return MISSING;
        }
        return v;
    }

    /** The attributes, live, in assignment order. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String repr() {
        return "<Namespace " + Py.repr(attributes) + ">";
    }

    @Override
    public String pythonTypeName() {
        return "Namespace";
    }

    @Override
    public String pythonModule() {
        return "jinja2.utils";
    }

    @Override
    public String toString() {
        return repr();
    }
}

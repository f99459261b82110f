package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Namespace;

/** {@code {% set ns.attr = value %}}: assigns an attribute of a {@code namespace()} object. */
public final class NsTarget extends Target {
    private final String name;
    private final String attr;

    public NsTarget(String name, String attr) {
        this.name = name;
        this.attr = attr;
    }

    @Override
    public void assign(Frame frame, Object value) {
        if (!(frame.resolve(name) instanceof Namespace ns)) {
            throw JinjaException.python("TemplateRuntimeError", "cannot assign attribute on non-namespace object");
        }
        ns.set(attr, value);
    }
}

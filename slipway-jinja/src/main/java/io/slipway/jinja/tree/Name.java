package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.UndefinedValue;

/** A variable reference; undefined when no scope binds it. */
public final class Name extends Expr {
    private final String name;

    public Name(String name, int line) {
        super(line);
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object eval(Frame frame) {
        Object v = frame.resolve(name);
        return v != PyObject.MISSING && v != Frame.UNBOUND ? v : UndefinedValue.name(frame.mode(), name);
    }

    @Override
    public String nodeName() {
        return "name";
    }
}

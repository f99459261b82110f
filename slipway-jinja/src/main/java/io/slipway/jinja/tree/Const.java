package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** A constant: str, int, float, bool or None. */
public final class Const extends Expr {
    private final Object value;

    public Const(Object value, int line) {
        super(line);
        this.value = value;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object eval(Frame frame) {
        return value;
    }

    @Override
    public Object literal() {
        return value;
    }

    @Override
    public String nodeName() {
        return "const";
    }
}

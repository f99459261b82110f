package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code a and b}: the first falsy operand, else the last, as Python returns. */
public final class And extends Expr {
    private final Expr left;
    private final Expr right;

    public And(Expr left, Expr right, int line) {
        super(line);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Frame frame) {
        Object l = left.eval(frame);
        return Py.truthy(l) ? right.eval(frame) : l;
    }

    @Override
    public String nodeName() {
        return "and";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code a or b}: the first truthy operand, else the last, as Python returns. */
public final class Or extends Expr {
    private final Expr left;
    private final Expr right;

    public Or(Expr left, Expr right, int line) {
        super(line);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object eval(Frame frame) {
        Object l = left.eval(frame);
        return Py.truthy(l) ? l : right.eval(frame);
    }

    @Override
    public String nodeName() {
        return "or";
    }
}

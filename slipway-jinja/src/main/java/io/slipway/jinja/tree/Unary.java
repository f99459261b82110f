package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** Unary {@code -x} or {@code +x}. */
public final class Unary extends Expr {
    private final boolean negate;
    private final Expr operand;

    public Unary(boolean negate, Expr operand, int line) {
        super(line);
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    public Object eval(Frame frame) {
        Object v = operand.eval(frame);
        return negate ? Py.neg(v) : Py.pos(v);
    }

    @Override
    public String nodeName() {
        return negate ? "neg" : "pos";
    }
}

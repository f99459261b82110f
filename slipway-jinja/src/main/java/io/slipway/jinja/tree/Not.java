package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code not x} (also {@code x is not test}). */
public final class Not extends Expr {
    private final Expr operand;

    public Not(Expr operand, int line) {
        super(line);
        this.operand = operand;
    }

    @Override
    public Object eval(Frame frame) {
        return !Py.truthy(operand.eval(frame));
    }

    @Override
    public String nodeName() {
        return "not";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code a ~ b ~ c}: the operands' {@code str()} joined. */
public final class Concat extends Expr {
    private final Expr[] operands;

    public Concat(Expr[] operands, int line) {
        super(line);
        this.operands = operands;
    }

    @Override
    public Object eval(Frame frame) {
        StringBuilder sb = new StringBuilder();
        for (Expr e : operands) {
            Object v = e.eval(frame);
            sb.append(v instanceof String s ? s : Py.str(v));
        }
        return sb.toString();
    }

    @Override
    public String nodeName() {
        return "concat";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% set target = value %}}. */
public final class Assign extends Stmt {
    private final Target target;
    private final Expr value;

    public Assign(Target target, Expr value, int line) {
        super(line);
        this.target = target;
        this.value = value;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        target.assign(frame, value.eval(frame));
        return NORMAL;
    }
}

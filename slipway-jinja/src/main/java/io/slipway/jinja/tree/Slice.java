package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;

/** {@code start:stop:step} inside a subscript; any part may be {@code null}. */
public final class Slice extends Expr {
    private final Expr start;
    private final Expr stop;
    private final Expr step;

    public Slice(Expr start, Expr stop, Expr step, int line) {
        super(line);
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    Object start(Frame f) {
        return start == null ? null : start.eval(f);
    }

    Object stop(Frame f) {
        return stop == null ? null : stop.eval(f);
    }

    Object step(Frame f) {
        return step == null ? null : step.eval(f);
    }

    @Override
    public Object eval(Frame frame) {
        throw JinjaException.python("TypeError", "slices are only supported as the whole subscript");
    }

    @Override
    public String nodeName() {
        return "slice";
    }
}

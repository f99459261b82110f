package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code value | filter(args)}. */
public final class FilterExpr extends Expr {
    private final Expr value;
    private final FilterCall filter;

    public FilterExpr(Expr value, FilterCall filter, int line) {
        super(line);
        this.value = value;
        this.filter = filter;
    }

    @Override
    public Object eval(Frame frame) {
        return filter.apply(frame, value.eval(frame));
    }

    @Override
    public String nodeName() {
        return "filter";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code value is test(args)}. */
public final class TestExpr extends Expr {
    private final Expr value;
    private final TestCall test;

    public TestExpr(Expr value, TestCall test, int line) {
        super(line);
        this.value = value;
        this.test = test;
    }

    @Override
    public Object eval(Frame frame) {
        return test.apply(frame, value.eval(frame));
    }

    @Override
    public String nodeName() {
        return "test";
    }
}

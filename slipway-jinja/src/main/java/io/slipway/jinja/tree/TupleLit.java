package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Frame;

/** {@code (a, b)} or a bare {@code a, b}. */
public final class TupleLit extends Expr {
    private final Expr[] items;

    public TupleLit(Expr[] items, int line) {
        super(line);
        this.items = items;
    }

    public Expr[] items() {
        return items.clone();
    }

    @Override
    public Object eval(Frame frame) {
        Object[] values = new Object[items.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = items[i].eval(frame);
        }
        return PyTuple.of(values);
    }

    @Override
    public Object literal() {
        Object[] values = new Object[items.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = items[i].literal();
            if (values[i] == PyObject.MISSING) {
                return PyObject.MISSING;
            }
        }
        return PyTuple.of(values);
    }

    @Override
    public String nodeName() {
        return "tuple";
    }
}

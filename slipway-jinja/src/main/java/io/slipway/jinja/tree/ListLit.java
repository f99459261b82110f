package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Frame;

import java.util.ArrayList;
import java.util.List;

/** {@code [a, b]}: a new list at each evaluation. */
public final class ListLit extends Expr {
    private final Expr[] items;

    public ListLit(Expr[] items, int line) {
        super(line);
        this.items = items;
    }

    @Override
    public Object eval(Frame frame) {
        List<Object> list = new ArrayList<>(Math.max(items.length, 4));
        for (Expr e : items) {
            list.add(e.eval(frame));
        }
        return list;
    }

    @Override
    public Object literal() {
        List<Object> list = new ArrayList<>(items.length);
        for (Expr e : items) {
            Object v = e.literal();
            if (v == PyObject.MISSING) {
                return PyObject.MISSING;
            }
            list.add(v);
        }
        return list;
    }

    @Override
    public String nodeName() {
        return "list";
    }
}

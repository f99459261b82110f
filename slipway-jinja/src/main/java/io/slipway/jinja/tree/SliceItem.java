package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

/** {@code obj[start:stop:step]}. */
public final class SliceItem extends Expr {
    private final Expr object;
    private final Slice slice;

    public SliceItem(Expr object, Slice slice, int line) {
        super(line);
        this.object = object;
        this.slice = slice;
    }

    @Override
    public Object eval(Frame frame) {
        Object obj = object.eval(frame);
        Object start = slice.start(frame);
        Object stop = slice.stop(frame);
        Object step = slice.step(frame);
        if (obj instanceof UndefinedValue u) {
            return u.chain();
        }
        if (obj instanceof java.util.Map<?, ?>) {
            // Jinja2 compiles slices to Python's own subscript, and a dict has no slices
            throw io.slipway.jinja.JinjaException.python("TypeError", "unhashable type: 'slice'");
        }
        Object v = Py.slice(obj, start, stop, step);
        if (v == io.slipway.jinja.PyObject.MISSING) {
            throw io.slipway.jinja.JinjaException.python("TypeError", "'" + Py.typeName(obj) + "' object is not subscriptable");
        }
        return v;
    }

    @Override
    public String nodeName() {
        return "getitem";
    }
}

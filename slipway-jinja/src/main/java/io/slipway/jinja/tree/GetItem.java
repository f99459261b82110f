package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

/** {@code obj[key]}: item first, then attribute for str keys, as the sandbox's {@code getitem} does. */
public final class GetItem extends Expr {
    private final Expr object;
    private final Expr key;

    public GetItem(Expr object, Expr key, int line) {
        super(line);
        this.object = object;
        this.key = key;
    }

    @Override
    public Object eval(Frame frame) {
        Object obj = object.eval(frame);
        Object k = key.eval(frame);
        if (obj instanceof UndefinedValue u) {
            return u.chain();
        }
        Object v = Py.getItem(obj, k);
        return v != PyObject.MISSING ? v : UndefinedValue.attribute(frame.mode(), obj, k);
    }

    @Override
    public String nodeName() {
        return "getitem";
    }
}

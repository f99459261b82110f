package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

/** {@code obj.name}: attribute first, then item, as the sandbox's {@code getattr} does. */
public final class GetAttr extends Expr {
    private final Expr object;
    private final String attr;

    public GetAttr(Expr object, String attr, int line) {
        super(line);
        this.object = object;
        this.attr = attr;
    }

    @Override
    public Object eval(Frame frame) {
        Object obj = object.eval(frame);
        if (obj instanceof UndefinedValue u) {
            return u.chain();
        }
        Object v = Py.getAttr(obj, attr);
        return v != PyObject.MISSING ? v : UndefinedValue.attribute(frame.mode(), obj, attr);
    }

    @Override
    public String nodeName() {
        return "getattr";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.TagParser;
import io.slipway.jinja.runtime.Frame;

/** An expression node. Immutable; evaluated in a {@link Frame}. */
public abstract class Expr implements TagParser.Expression {
    private final int line;

    protected Expr(int line) {
        this.line = line;
    }

    /** 1-based source line. */
    public final int line() {
        return line;
    }

    /** Evaluates to a Python value. */
    public abstract Object eval(Frame frame);

    /** The value when this is a literal; {@link PyObject#MISSING} otherwise. */
    @Override
    public Object literal() {
        return PyObject.MISSING;
    }

    /** Jinja2's node class name, lower case, as in {@code can't assign to 'const'}. */
    public abstract String nodeName();
}

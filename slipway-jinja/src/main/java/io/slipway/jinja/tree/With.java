package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% with a = x, b = y %}}: values evaluated outside, bound in a new scope for the body. */
public final class With extends Stmt {
    private final Target[] targets;
    private final Expr[] values;
    private final Stmt[] body;

    public With(Target[] targets, Expr[] values, Stmt[] body, int line) {
        super(line);
        this.targets = targets;
        this.values = values;
        this.body = body;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Frame scope = frame.child();
        for (int i = 0; i < targets.length; i++) {
            targets[i].assign(scope, values[i].eval(frame));
        }
        return renderAll(body, scope, out);
    }
}

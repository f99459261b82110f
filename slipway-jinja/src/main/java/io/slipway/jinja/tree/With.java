package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% with a = x, b = y %}}: values evaluated outside, bound in a new scope for the body. */
public final class With extends Stmt {
    private final Target[] targets;
    private final Expr[] values;
    private final Stmt[] body;
    private final ScopeInfo scope;

    public With(Target[] targets, Expr[] values, Stmt[] body, ScopeInfo scope, int line) {
        super(line);
        this.targets = targets;
        this.values = values;
        this.body = body;
        this.scope = scope;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Object[] evaluated = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            evaluated[i] = values[i].eval(frame);
        }
        Frame inner = frame.child();
        scope.enter(inner);
        for (int i = 0; i < targets.length; i++) {
            targets[i].assign(inner, evaluated[i]);
        }
        return renderAll(body, inner, out);
    }
}

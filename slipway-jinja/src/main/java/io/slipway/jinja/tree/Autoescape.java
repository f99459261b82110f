package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.RenderState;

/** {@code {% autoescape expr %}}: HTML-escapes what the body prints while {@code expr} is true. */
public final class Autoescape extends Stmt {
    private final Expr enabled;
    private final Stmt[] body;
    private final ScopeInfo scope;

    public Autoescape(Expr enabled, Stmt[] body, ScopeInfo scope, int line) {
        super(line);
        this.enabled = enabled;
        this.body = body;
        this.scope = scope;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Frame inner = frame.child();
        scope.enter(inner);
        RenderState state = frame.state();
        boolean was = state.autoescape(Py.truthy(enabled.eval(inner)));
        try {
            return renderAll(body, inner, out);
        } finally {
            state.autoescape(was);
        }
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/**
 * {@code {% block name %}} in a template that extends nothing: renders in place in a new scope that sees
 * the template's top-level names only (or the enclosing scope too when {@code scoped}), and can be
 * rendered again through {@code self.name()}.
 */
public final class BlockStmt extends Stmt {
    private final String name;
    private final boolean scoped;
    private final Stmt[] body;
    private final ScopeInfo scope;

    public BlockStmt(String name, boolean scoped, Stmt[] body, ScopeInfo scope, int line) {
        super(line);
        this.name = name;
        this.scoped = scoped;
        this.body = body;
        this.scope = scope;
    }

    public String name() {
        return name;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        int flow = renderBody(scoped ? frame : frame.root(), out);
        return flow == RETURN ? RETURN : NORMAL;
    }

    /** Renders the body in a new scope of {@code outer}; returns the flow. */
    public int renderBody(Frame outer, StringBuilder out) {
        Frame inner = outer.child();
        scope.enter(inner);
        return renderAll(body, inner, out);
    }
}

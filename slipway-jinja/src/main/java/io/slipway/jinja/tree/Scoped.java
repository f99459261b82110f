package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/**
 * A body rendered in a new scope: {@code {% block %}} in a template that does not extend another (it
 * sees the template's top-level names, or the enclosing scope when {@code scoped}) and
 * {@code {% autoescape %}} (escaping itself is not supported: dbt never enables it).
 */
public final class Scoped extends Stmt {
    private final boolean fromRoot;
    private final Stmt[] body;

    public Scoped(boolean fromRoot, Stmt[] body, int line) {
        super(line);
        this.fromRoot = fromRoot;
        this.body = body;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Frame scope = fromRoot ? frame.root().child() : frame.child();
        renderAll(body, scope, out);
        return NORMAL;
    }
}

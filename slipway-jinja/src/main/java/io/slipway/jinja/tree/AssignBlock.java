package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% set target | filters %}body{% endset %}}: the body renders in its own scope. */
public final class AssignBlock extends Stmt {
    private final Target target;
    private final FilterCall[] filters;
    private final Stmt[] body;
    private final ScopeInfo scope;

    public AssignBlock(Target target, FilterCall[] filters, Stmt[] body, ScopeInfo scope, int line) {
        super(line);
        this.target = target;
        this.filters = filters;
        this.body = body;
        this.scope = scope;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Frame inner = frame.child();
        scope.enter(inner);
        StringBuilder buffer = new StringBuilder();
        int flow = renderAll(body, inner, buffer);
        if (flow != NORMAL) {
            return flow;
        }
        Object value = frame.state().autoescape()
                ? new io.slipway.jinja.runtime.PyMarkup(buffer.toString()) : buffer.toString();
        for (FilterCall f : filters) {
            value = f.apply(inner, value);
        }
        target.assign(frame, value);
        return NORMAL;
    }
}

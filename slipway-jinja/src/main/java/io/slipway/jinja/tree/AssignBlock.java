package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% set target | filters %}body{% endset %}}: the body renders in its own scope. */
public final class AssignBlock extends Stmt {
    private final Target target;
    private final FilterCall[] filters;
    private final Stmt[] body;

    public AssignBlock(Target target, FilterCall[] filters, Stmt[] body, int line) {
        super(line);
        this.target = target;
        this.filters = filters;
        this.body = body;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Frame scope = frame.child();
        StringBuilder buffer = new StringBuilder();
        int flow = renderAll(body, scope, buffer);
        if (flow != NORMAL) {
            return flow;
        }
        Object value = buffer.toString();
        for (FilterCall f : filters) {
            value = f.apply(scope, value);
        }
        target.assign(frame, value);
        return NORMAL;
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code {% filter f | g %}body{% endfilter %}}: the body renders in its own scope, then is filtered. */
public final class FilterBlock extends Stmt {
    private final FilterCall[] filters;
    private final Stmt[] body;
    private final ScopeInfo scope;

    public FilterBlock(FilterCall[] filters, Stmt[] body, ScopeInfo scope, int line) {
        super(line);
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
        Object value = buffer.toString();
        for (FilterCall f : filters) {
            value = f.apply(inner, value);
        }
        out.append(Py.str(value));
        return NORMAL;
    }
}

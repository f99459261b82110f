package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% do expr %}}: evaluates for side effects. */
public final class Do extends Stmt {
    private final Expr expr;

    public Do(Expr expr, int line) {
        super(line);
        this.expr = expr;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        if (expr instanceof Call c && c.mayReturn()) {
            return c.evalStatement(frame) == Call.RETURNED ? RETURN : NORMAL;
        }
        expr.eval(frame);
        return NORMAL;
    }
}

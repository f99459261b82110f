package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

/** {@code if / elif / else}: no new scope, so assignments inside stay visible after it. */
public final class If extends Stmt {
    private final Expr[] tests;
    private final Stmt[][] bodies;
    private final Stmt[] orElse;

    public If(Expr[] tests, Stmt[][] bodies, Stmt[] orElse, int line) {
        super(line);
        this.tests = tests;
        this.bodies = bodies;
        this.orElse = orElse;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        for (int i = 0; i < tests.length; i++) {
            boolean hit;
            try {
                hit = Py.truthy(tests[i].eval(frame));
            } catch (io.slipway.jinja.JinjaException e) {
                throw frame.source().locate(e, tests[i].line());
            }
            if (hit) {
                return renderAll(bodies[i], frame, out);
            }
        }
        return renderAll(orElse, frame, out);
    }
}

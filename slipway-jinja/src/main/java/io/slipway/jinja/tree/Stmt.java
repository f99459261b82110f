package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;

/** A statement node. Immutable; renders into a buffer in a {@link Frame}. */
public abstract class Stmt {
    /** Flow after a statement: go on. */
    public static final int NORMAL = 0;
    /** Flow after a statement: {@code {% break %}} was reached. */
    public static final int BREAK = 1;
    /** Flow after a statement: {@code {% continue %}} was reached. */
    public static final int CONTINUE = 2;
    /**
     * Flow after a statement: dbt's {@code return(x)} was called as a statement ({@code {{ return(x) }}},
     * {@code {% do return(x) %}}); the value waits in the render state. Unwinding by flow instead of by
     * exception keeps the most common way dbt macros end cheap.
     */
    public static final int RETURN = 3;

    private final int line;

    protected Stmt(int line) {
        this.line = line;
    }

    public final int line() {
        return line;
    }

    /** Renders into {@code out}; returns {@link #NORMAL}, {@link #BREAK}, {@link #CONTINUE} or {@link #RETURN}. */
    public abstract int render(Frame frame, StringBuilder out);

    /** Renders statements in order until one ends the flow (loop control, return); locates errors at the statement. */
    public static int renderAll(Stmt[] body, Frame frame, StringBuilder out) {
        for (Stmt s : body) {
            int flow;
            try {
                flow = s.render(frame, out);
            } catch (JinjaException e) {
                throw frame.source().locate(e, s.line);
            }
            if (flow != NORMAL) {
                return flow;
            }
        }
        return NORMAL;
    }

    /**
     * Turns a {@link #RETURN} flow that cannot travel further as a flow (a body rendered for an expression,
     * such as {@code loop(children)}) into the exception form of dbt's return.
     */
    public static void rethrowReturn(int flow, Frame frame) {
        if (flow == RETURN) {
            throw new io.slipway.jinja.runtime.ReturnSignal(frame.state().takeReturn());
        }
    }
}

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

    private final int line;

    protected Stmt(int line) {
        this.line = line;
    }

    public final int line() {
        return line;
    }

    /** Renders into {@code out}; returns {@link #NORMAL}, {@link #BREAK} or {@link #CONTINUE}. */
    public abstract int render(Frame frame, StringBuilder out);

    /** Renders statements in order until one breaks or continues a loop; locates errors at the statement. */
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
}

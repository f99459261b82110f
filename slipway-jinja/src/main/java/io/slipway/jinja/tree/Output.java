package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;

/** Template text and {@code {{ expressions }}}, printed with Python's {@code str()}. */
public final class Output extends Stmt {
    private final Object[] parts;

    /** Each part is a {@link String} (template text) or an {@link Expr}. */
    public Output(Object[] parts, int line) {
        super(line);
        this.parts = parts;
    }

    /** Whether this is only whitespace text (what a {@code required} block may contain). */
    public boolean isWhitespaceText() {
        for (Object part : parts) {
            if (!(part instanceof String s) || !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
                continue;
            }
            Expr e = (Expr) part;
            Object v;
            try {
                if (e instanceof Call c && c.mayReturn()) {
                    v = c.evalStatement(frame);
                    if (v == Call.RETURNED) {
                        return RETURN;
                    }
                } else {
                    v = e.eval(frame);
                }
                if (frame.state().autoescape()) {
                    out.append(PyMarkup.escape(v).text());
                } else if (v instanceof String s) {
                    out.append(s);
                } else {
                    out.append(Py.str(v));
                }
            } catch (JinjaException ex) {
                throw frame.source().locate(ex, e.line());
            }
        }
        return NORMAL;
    }
}

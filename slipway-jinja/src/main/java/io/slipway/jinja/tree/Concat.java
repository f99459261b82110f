package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;

/** {@code a ~ b ~ c}: the operands' {@code str()} joined. */
public final class Concat extends Expr {
    private final Expr[] operands;

    public Concat(Expr[] operands, int line) {
        super(line);
        this.operands = operands;
    }

    @Override
    public Object eval(Frame frame) {
        Object[] values = new Object[operands.length];
        boolean markup = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = operands[i].eval(frame);
            markup |= values[i] instanceof PyMarkup;
        }
        StringBuilder sb = new StringBuilder();
        if (markup && frame.state().autoescape()) {
            // Jinja2's markup_join: with autoescaping, Markup among the operands escapes the others
            for (Object v : values) {
                sb.append(PyMarkup.escape(v).text());
            }
            return new PyMarkup(sb.toString());
        }
        for (Object v : values) {
            sb.append(v instanceof String s ? s : Py.str(v));
        }
        return sb.toString();
    }

    @Override
    public String nodeName() {
        return "concat";
    }
}

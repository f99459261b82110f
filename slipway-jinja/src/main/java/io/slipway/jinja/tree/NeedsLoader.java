package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;

/**
 * {@code include}, {@code import}, {@code from ... import} and {@code extends}: parsed, but this engine
 * has no template loader, so rendering one fails as Jinja2 does without a loader.
 */
public final class NeedsLoader extends Stmt {
    private final Expr template;

    public NeedsLoader(Expr template, int line) {
        super(line);
        this.template = template;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        template.eval(frame);
        throw JinjaException.python("TypeError", "no loader for this environment specified");
    }
}

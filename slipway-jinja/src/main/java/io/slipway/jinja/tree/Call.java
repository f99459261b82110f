package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code callee(args)}: functions, macros, methods, and the result of another call. */
public final class Call extends Expr {
    private final Expr callee;
    private final CallArgs args;

    public Call(Expr callee, CallArgs args, int line) {
        super(line);
        this.callee = callee;
        this.args = args;
    }

    @Override
    public Object eval(Frame frame) {
        Object fn = callee.eval(frame);
        return Calls.call(fn, frame, line(), args.positional(frame), args.keywords(frame));
    }

    /** Evaluates with one more keyword argument, as a {@code {% call %}} block passes {@code caller}. */
    Object evalWith(Frame frame, String keyword, Object value) {
        Object fn = callee.eval(frame);
        Object[] positional = args.positional(frame);
        Map<String, Object> keywords = args.keywords(frame);
        if (keywords == null) {
            keywords = new LinkedHashMap<>();
        }
        keywords.put(keyword, value);
        return Calls.call(fn, frame, line(), positional, keywords);
    }

    @Override
    public String nodeName() {
        return "call";
    }
}

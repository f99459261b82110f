package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroReturn;
import io.slipway.jinja.runtime.Frame;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code callee(args)}: functions, macros, methods, and the result of another call. */
public final class Call extends Expr {
    /** What {@link #evalStatement} returns when the call was dbt's {@code return(x)}. */
    public static final Object RETURNED = new Object();

    private final Expr callee;
    private final CallArgs args;
    private final boolean mayReturn;

    public Call(Expr callee, CallArgs args, int line) {
        super(line);
        this.callee = callee;
        this.args = args;
        this.mayReturn = callee instanceof Name n && n.name().equals("return");
    }

    /** Whether this may be a call of dbt's {@code return}, to end a macro by flow ({@link #evalStatement}). */
    public boolean mayReturn() {
        return mayReturn;
    }

    /**
     * Evaluates as a whole statement: when the callee is dbt's {@code return}, records the value in the render
     * state and gives {@link #RETURNED} instead of throwing, so the statement can end the macro by flow.
     */
    public Object evalStatement(Frame frame) {
        Object fn = callee.eval(frame);
        Object[] positional = args.positional(frame);
        Map<String, Object> keywords = args.keywords(frame);
        if (fn == MacroReturn.FUNCTION && positional.length + (keywords == null ? 0 : keywords.size()) == 1) {
            frame.state().setReturn(positional.length == 1 ? positional[0] : keywords.values().iterator().next());
            return RETURNED;
        }
        return Calls.call(fn, frame, line(), positional, keywords);
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

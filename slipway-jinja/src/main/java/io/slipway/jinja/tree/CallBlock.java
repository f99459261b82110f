package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.MacroSpec;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.TemplateMacro;

/** {@code {% call(params) m(args) %}body{% endcall %}}: calls {@code m} with the body as {@code caller}. */
public final class CallBlock extends Stmt {
    private final MacroSpec caller;
    private final Call call;

    public CallBlock(MacroSpec caller, Call call, int line) {
        super(line);
        this.caller = caller;
        this.call = call;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Object result = call.evalWith(frame, "caller", new TemplateMacro(caller, frame));
        out.append(result instanceof String s ? s : Py.str(result));
        return NORMAL;
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.UndefinedMode;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

/** {@code a if test else b}; without {@code else}, a default-mode undefined (Jinja2 ignores the environment's). */
public final class CondExpr extends Expr {
    private final Expr test;
    private final Expr ifTrue;
    private final Expr ifFalse;

    public CondExpr(Expr test, Expr ifTrue, Expr ifFalse, int line) {
        super(line);
        this.test = test;
        this.ifTrue = ifTrue;
        this.ifFalse = ifFalse;
    }

    @Override
    public Object eval(Frame frame) {
        if (Py.truthy(test.eval(frame))) {
            return ifTrue.eval(frame);
        }
        if (ifFalse != null) {
            return ifFalse.eval(frame);
        }
        String where = "line " + line();
        String name = frame.source().name();
        if (name != null && !name.equals("<template>")) {
            where += " in " + io.slipway.jinja.lexer.PyLiterals.repr(name);
        }
        return UndefinedValue.hint(UndefinedMode.DEFAULT,
                "the inline if-expression on " + where + " evaluated to false and no else section was defined.");
    }

    @Override
    public String nodeName() {
        return "condexpr";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.MacroSpec;
import io.slipway.jinja.runtime.TemplateMacro;

/** {@code {% macro name(params) %}} (or a block tag that defines a macro): binds the macro in the scope. */
public final class MacroDef extends Stmt {
    private final MacroSpec spec;

    public MacroDef(MacroSpec spec, int line) {
        super(line);
        this.spec = spec;
    }

    public MacroSpec spec() {
        return spec;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        frame.set(spec.name(), new TemplateMacro(spec, frame));
        return NORMAL;
    }
}

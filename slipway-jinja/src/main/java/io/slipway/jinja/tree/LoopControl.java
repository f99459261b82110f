package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code {% break %}} or {@code {% continue %}}. */
public final class LoopControl extends Stmt {
    private final int flow;

    public LoopControl(boolean isBreak, int line) {
        super(line);
        this.flow = isBreak ? BREAK : CONTINUE;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        return flow;
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** The left side of an assignment: a name, a tuple of targets, or a namespace attribute. */
public abstract class Target {
    /** Binds {@code value} in {@code frame}. */
    public abstract void assign(Frame frame, Object value);
}

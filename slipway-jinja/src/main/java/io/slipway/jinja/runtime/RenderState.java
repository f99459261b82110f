package io.slipway.jinja.runtime;

import io.slipway.jinja.CallContext;
import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.PyObject;

/**
 * The state of one render, shared by every frame of it, and the {@link CallContext} that calls, filters
 * and tests receive: the renderer points it at the calling frame and line before each call. Confined to
 * the rendering thread.
 */
public final class RenderState implements CallContext {
    /** Nested macro calls allowed before a render fails with RecursionError (Python's limit is near 200). */
    public static final int MAX_DEPTH = 500;

    private final Environment environment;
    private Frame frame;
    private int line;
    private int depth;
    private boolean autoescape;
    private Object returnValue;

    private final io.slipway.jinja.UndefinedMode undefinedMode;

    public RenderState(Environment environment) {
        this(environment, environment.undefinedMode());
    }

    /** A render whose undefineds behave per {@code undefinedMode} rather than the environment's default. */
    public RenderState(Environment environment, io.slipway.jinja.UndefinedMode undefinedMode) {
        this.environment = environment;
        this.undefinedMode = undefinedMode;
    }

    @Override
    public io.slipway.jinja.UndefinedMode undefinedMode() {
        return undefinedMode;
    }

    /** Records where the next call happens. */
    public RenderState at(Frame frame, int line) {
        this.frame = frame;
        this.line = line;
        return this;
    }

    /** Enters a macro call; fails with Python's RecursionError past {@link #MAX_DEPTH}. */
    public void enter() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw io.slipway.jinja.JinjaException.python("RecursionError", "maximum recursion depth exceeded");
        }
    }

    public void leave() {
        depth--;
    }

    /** Records the value of a {@code return(x)} unwinding as a flow (see {@link io.slipway.jinja.tree.Stmt#RETURN}). */
    public void setReturn(Object value) {
        returnValue = value;
    }

    /** The value of the {@code return(x)} that ended the flow, cleared. */
    public Object takeReturn() {
        Object v = returnValue;
        returnValue = null;
        return v;
    }

    /** Whether output is HTML-escaped here ({@code {% autoescape true %}}). */
    public boolean autoescape() {
        return autoescape;
    }

    /** Sets autoescaping; returns the previous setting, to restore. */
    public boolean autoescape(boolean on) {
        boolean was = autoescape;
        autoescape = on;
        return was;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public Globals globals() {
        return frame == null ? Globals.empty() : frame.globals();
    }

    @Override
    public Object resolve(String name) {
        Object v = frame == null ? PyObject.MISSING : frame.resolve(name);
        if (v == PyObject.MISSING || v == Frame.UNBOUND) {
            return UndefinedValue.name(frame == null ? undefinedMode : frame.mode(), name);
        }
        return v;
    }

    @Override
    public String templateName() {
        return frame == null ? null : frame.source().name();
    }

    @Override
    public int line() {
        return line;
    }

    /** The frame of the call in progress. */
    public Frame frame() {
        return frame;
    }
}

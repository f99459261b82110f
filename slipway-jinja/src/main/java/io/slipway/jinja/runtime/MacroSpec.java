package io.slipway.jinja.runtime;

import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.Macro;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.tree.Expr;
import io.slipway.jinja.tree.ScopeInfo;
import io.slipway.jinja.tree.Stmt;

import java.util.List;

/**
 * A macro as parsed: {@code {% macro %}}, a block tag's macro, or the {@code caller} of a
 * {@code {% call %}} block. Immutable and shared by every render.
 */
public final class MacroSpec implements MacroDefinition {
    private final String name;
    private final String[] parameters;
    private final List<String> parameterList;
    private final Expr[] defaults;
    private final Stmt[] body;
    private final ScopeInfo scope;
    private final boolean catchKwargs;
    private final boolean catchVarargs;
    private final boolean accessesCaller;
    private final boolean explicitCaller;
    private final Source source;
    private final int line;
    private final Environment environment;

    /**
     * @param name           the macro's name; {@code null} for a call block's caller
     * @param parameters     parameter names in order
     * @param defaults       default expressions of the last {@code defaults.length} parameters
     * @param catchKwargs    the body uses {@code kwargs}: extra keyword arguments are collected into it
     * @param catchVarargs   the body uses {@code varargs}: extra positional arguments are collected into it
     * @param accessesCaller the body uses {@code caller}
     */
    public MacroSpec(String name, String[] parameters, Expr[] defaults, Stmt[] body, ScopeInfo scope, boolean catchKwargs,
            boolean catchVarargs, boolean accessesCaller, Source source, int line,
            Environment environment) {
        this.name = name;
        this.parameters = parameters;
        this.parameterList = List.of(parameters);
        this.defaults = defaults;
        this.body = body;
        this.scope = scope;
        this.catchKwargs = catchKwargs;
        this.catchVarargs = catchVarargs;
        this.accessesCaller = accessesCaller;
        this.explicitCaller = parameterList.contains("caller");
        this.source = source;
        this.line = line;
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameters() {
        return parameterList;
    }

    String[] parameterArray() {
        return parameters;
    }

    /** The default of parameter {@code index}, or {@code null}. */
    Expr defaultOf(int index) {
        int d = index - (parameters.length - defaults.length);
        return d >= 0 ? defaults[d] : null;
    }

    Stmt[] body() {
        return body;
    }

    ScopeInfo scope() {
        return scope;
    }

    public boolean catchKwargs() {
        return catchKwargs;
    }

    public boolean catchVarargs() {
        return catchVarargs;
    }

    public boolean accessesCaller() {
        return accessesCaller;
    }

    boolean explicitCaller() {
        return explicitCaller;
    }

    public Source source() {
        return source;
    }

    public Environment environment() {
        return environment;
    }

    @Override
    public String templateName() {
        return source.name();
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public Macro bind(Globals globals) {
        return new TemplateMacro(this, Frame.root(environment, globals, source, null));
    }

    @Override
    public String toString() {
        return "MacroDefinition[" + name + parameterList + " at " + source.name() + ":" + line + "]";
    }
}

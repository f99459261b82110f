package io.slipway.jinja.tree;

import io.slipway.jinja.Filter;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;

/** One filter application, {@code |name(args)}, with the filter looked up when the template was parsed. */
public final class FilterCall {
    private final String name;
    private final Filter filter;
    private final CallArgs args;
    private final int line;

    /** {@code filter} is {@code null} when the environment has none of that name (an error if reached). */
    public FilterCall(String name, Filter filter, CallArgs args, int line) {
        this.name = name;
        this.filter = filter;
        this.args = args;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public Object apply(Frame frame, Object value) {
        if (filter == null) {
            throw JinjaException.python("TemplateRuntimeError", "No filter named '" + name + "' found.");
        }
        return filter.apply(frame.state().at(frame, line), value, args.arguments(frame));
    }
}

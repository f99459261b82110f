package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Test;
import io.slipway.jinja.runtime.Frame;

/** One test application, {@code is name(args)}, with the test looked up when the template was parsed. */
public final class TestCall {
    private final String name;
    private final Test test;
    private final CallArgs args;
    private final int line;

    /** {@code test} is {@code null} when the environment has none of that name (an error if reached). */
    public TestCall(String name, Test test, CallArgs args, int line) {
        this.name = name;
        this.test = test;
        this.args = args;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    public boolean apply(Frame frame, Object value) {
        if (test == null) {
            throw JinjaException.python("TemplateRuntimeError", "No test named '" + name + "' found.");
        }
        return test.test(frame.state().at(frame, line), value, args.arguments(frame));
    }
}

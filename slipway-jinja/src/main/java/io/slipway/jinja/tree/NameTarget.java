package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** Assigns to a name in the current scope. */
public final class NameTarget extends Target {
    private final String name;

    public NameTarget(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public void assign(Frame frame, Object value) {
        frame.set(name, value);
    }
}

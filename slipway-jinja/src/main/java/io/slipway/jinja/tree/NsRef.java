package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/** {@code ns.attr} on the left of {@code set}: only a target, never evaluated. */
public final class NsRef extends Expr {
    private final String name;
    private final String attr;

    public NsRef(String name, String attr, int line) {
        super(line);
        this.name = name;
        this.attr = attr;
    }

    public String name() {
        return name;
    }

    public String attr() {
        return attr;
    }

    @Override
    public Object eval(Frame frame) {
        throw new IllegalStateException("a namespace reference is only an assignment target");
    }

    @Override
    public String nodeName() {
        return "nsref";
    }
}

package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

/**
 * What a scope binds on entry, found by the parser's symbol analysis: names the scope assigns before
 * anything in it reads them start out undefined, hiding outer values and globals from nested scopes
 * until assigned (Jinja2 compiles them to {@code missing}). Written once by the parser, before the
 * template is published; read-only afterwards.
 */
public final class ScopeInfo {
    private static final String[] NONE = new String[0];

    private String[] unbound = NONE;

    /** Sets the names (parser only, once). */
    public void unbound(String[] names) {
        this.unbound = names;
    }

    /** Binds the scope's names in a new frame of it. */
    public void enter(Frame frame) {
        for (String name : unbound) {
            frame.set(name, Frame.UNBOUND);
        }
    }
}

package io.slipway.jinja.parser;

import io.slipway.jinja.tree.ScopeInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's compile-time symbol analysis (its {@code idtracking}), reduced to what changes behaviour: which
 * names each scope assigns before reading them, with no enclosing scope knowing them. Jinja2 binds such
 * names to {@code missing} on entry, so inner scopes see them undefined (not the global of that name)
 * until the assignment runs. Scopes record their own events in Jinja2's visit order while parsing; the
 * analysis runs after the parse, parents before children, because a child sees every name its parent
 * knows, including names the parent mentions after the child.
 */
final class Symbols {
    private enum Kind { LOAD, STORE, PARAM }

    private record Event(String name, Kind kind, boolean inBranch) {
    }

    /** One scope: the template top level, a loop body, a macro body, a block body. */
    static final class Scope {
        private final Scope parent;
        private final ScopeInfo info = new ScopeInfo();
        private final List<Event> events = new ArrayList<>();
        private final Map<String, Boolean> refs = new HashMap<>();
        private int branchDepth;

        private Scope(Scope parent) {
            this.parent = parent;
        }

        ScopeInfo info() {
            return info;
        }

        void load(String name) {
            events.add(new Event(name, Kind.LOAD, branchDepth > 0));
        }

        void store(String name) {
            events.add(new Event(name, Kind.STORE, branchDepth > 0));
        }

        void param(String name) {
            events.add(new Event(name, Kind.PARAM, false));
        }

        /** Enters ({@code +1}) or leaves ({@code -1}) the branches of an {@code if}. */
        void branch(int delta) {
            branchDepth += delta;
        }

        private boolean outerKnows(String name) {
            for (Scope s = parent; s != null; s = s.parent) {
                if (s.refs.containsKey(name)) {
                    return true;
                }
            }
            return false;
        }

        private void analyze() {
            List<String> unbound = new ArrayList<>();
            for (Event e : events) {
                switch (e.kind) {
                    case PARAM -> refs.put(e.name, Boolean.FALSE);
                    case LOAD -> {
                        if (!refs.containsKey(e.name) && !outerKnows(e.name)) {
                            refs.put(e.name, Boolean.FALSE);
                        }
                    }
                    case STORE -> {
                        if (refs.containsKey(e.name)) {
                            break;
                        }
                        boolean undefined = !e.inBranch && !outerKnows(e.name);
                        refs.put(e.name, undefined);
                        if (undefined) {
                            unbound.add(e.name);
                        }
                    }
                }
            }
            info.unbound(unbound.toArray(new String[0]));
        }
    }

    private final List<Scope> scopes = new ArrayList<>();

    /** A new scope inside {@code parent} ({@code null} for the template's top level). */
    Scope open(Scope parent) {
        Scope s = new Scope(parent);
        scopes.add(s);
        return s;
    }

    /** Runs the analysis: scopes were opened parents first. */
    void analyze() {
        for (Scope s : scopes) {
            s.analyze();
        }
    }
}

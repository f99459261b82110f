package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.LoopContext;
import io.slipway.jinja.runtime.Py;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code for target in iter [if test] [recursive]}: each iteration renders the body in a fresh scope
 * (assignments do not survive the iteration), with {@code loop} bound when the body uses it.
 */
public final class For extends Stmt {
    private final Target target;
    private final Expr iter;
    private final Expr test;
    private final boolean recursive;
    private final boolean usesLoop;
    private final Stmt[] body;
    private final Stmt[] orElse;
    private final ScopeInfo bodyScope;
    private final ScopeInfo elseScope;
    private final ScopeInfo testScope;

    public For(Target target, Expr iter, Expr test, boolean recursive, boolean usesLoop, Stmt[] body, Stmt[] orElse,
            ScopeInfo bodyScope, ScopeInfo elseScope, ScopeInfo testScope, int line) {
        super(line);
        this.target = target;
        this.iter = iter;
        this.test = test;
        this.recursive = recursive;
        this.usesLoop = usesLoop || recursive;
        this.body = body;
        this.orElse = orElse;
        this.bodyScope = bodyScope;
        this.elseScope = elseScope;
        this.testScope = testScope;
    }

    @Override
    public int render(Frame frame, StringBuilder out) {
        Object seq;
        try {
            seq = iter.eval(frame);
        } catch (JinjaException e) {
            throw frame.source().locate(e, iter.line());
        }
        return loop(frame, seq, 0, out);
    }

    private int loop(Frame frame, Object seq, int depth0, StringBuilder out) {
        Iterator<Object> it;
        try {
            it = Py.iterate(seq);
        } catch (JinjaException e) {
            throw frame.source().locate(e, line());
        }
        if (test != null) {
            it = new Filtered(it, frame);
        }
        LoopContext loop = null;
        if (usesLoop) {
            LoopContext.Recursion recursion = recursive
                    ? (children, depth) -> renderRecursive(frame, children, depth)
                    : null;
            loop = new LoopContext(test == null ? seq : null, it, recursion, depth0, frame.mode());
        }
        // As in Jinja2's generated code, 'else' runs unless some iteration reached the end of the body.
        boolean completed = false;
        while (loop != null ? loop.hasNext() : it.hasNext()) {
            Object item = loop != null ? loop.next() : it.next();
            Frame scope = frame.child();
            bodyScope.enter(scope);
            target.assign(scope, item);
            if (loop != null) {
                scope.set("loop", loop);
            }
            int flow = renderAll(body, scope, out);
            if (flow == BREAK) {
                break;
            }
            if (flow == RETURN) {
                return RETURN;
            }
            if (flow == NORMAL) {
                completed = true;
            }
        }
        if (!completed && orElse.length > 0) {
            Frame scope = frame.child();
            elseScope.enter(scope);
            return renderAll(orElse, scope, out);
        }
        return NORMAL;
    }

    private String renderRecursive(Frame frame, Object seq, int depth0) {
        StringBuilder out = new StringBuilder();
        rethrowReturn(loop(frame, seq, depth0, out), frame);
        return out.toString();
    }

    /** The items that pass the loop's {@code if} test, evaluated lazily as Jinja2's generator does. */
    private final class Filtered implements Iterator<Object> {
        private final Iterator<Object> source;
        private final Frame scope;
        private Object next;
        private boolean ready;

        Filtered(Iterator<Object> source, Frame frame) {
            this.source = source;
            this.scope = frame.child();
            testScope.enter(scope);
        }

        @Override
        public boolean hasNext() {
            while (!ready) {
                if (!source.hasNext()) {
                    return false;
                }
                Object item = source.next();
                target.assign(scope, item);
                boolean keep;
                try {
                    keep = Py.truthy(test.eval(scope));
                } catch (JinjaException e) {
                    throw scope.source().locate(e, test.line());
                }
                if (keep) {
                    next = item;
                    ready = true;
                }
            }
            return true;
        }

        @Override
        public Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            Object item = next;
            next = null;
            return item;
        }
    }
}

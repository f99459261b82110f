package io.slipway.jinja.runtime;

import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.UndefinedMode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scope of a render: the template's top level, one iteration of a {@code for} body, one macro call,
 * a {@code with}, {@code set} or {@code filter} block. Names resolve through the enclosing frames (a
 * macro's closure when it was defined), then the render's {@link Globals}, then the environment's globals,
 * as Jinja2's scoping gives them. A frame belongs to one render thread; the root frame of a macro bound
 * with {@link io.slipway.jinja.MacroDefinition#bind} holds no variables and can be shared.
 */
public final class Frame {
    /**
     * Bound to a name a scope assigns before reading it, until the assignment runs: the name is undefined
     * there and in nested scopes, instead of falling through to globals (see {@link io.slipway.jinja.tree.ScopeInfo}).
     */
    public static final Object UNBOUND = new Object() {
        @Override
        public String toString() {
            return "UNBOUND";
        }
    };

    private final Frame parent;
    private final Frame root;
    private final RenderState state;
    private final Source source;
    private final Environment environment;
    private final Globals globals;
    private final UndefinedMode mode;

    private String[] names;
    private Object[] values;
    private int size;

    private Frame(Frame parent, Frame root, RenderState state, Source source, Environment environment, Globals globals) {
        this.parent = parent;
        this.root = root == null ? this : root;
        this.state = state;
        this.source = source;
        this.environment = environment;
        this.globals = globals;
        this.mode = state != null ? state.undefinedMode() : environment.undefinedMode();
    }

    /** The top-level frame of a render (or the closure of a bound macro, with a {@code null} state). */
    public static Frame root(Environment environment, Globals globals, Source source, RenderState state) {
        return new Frame(null, null, state, source, environment, globals);
    }

    /** A nested scope of this frame: a loop iteration, a {@code with} or block body. */
    public Frame child() {
        return new Frame(this, root, state, source, environment, globals);
    }

    /** The frame of a call of a macro whose closure is {@code closure}, made in the render {@code state}. */
    public static Frame call(Frame closure, RenderState state, Source source) {
        return new Frame(closure, closure.root, state, source, closure.environment, closure.globals);
    }

    public RenderState state() {
        return state;
    }

    public Source source() {
        return source;
    }

    public Environment environment() {
        return environment;
    }

    public Globals globals() {
        return globals;
    }

    public UndefinedMode mode() {
        return mode;
    }

    public Frame root() {
        return root;
    }

    /** Binds {@code name} in this frame. */
    public void set(String name, Object value) {
        String[] n = names;
        for (int i = 0; i < size; i++) {
            if (n[i].equals(name)) {
                values[i] = value;
                return;
            }
        }
        if (n == null) {
            names = new String[4];
            values = new Object[4];
        } else if (size == n.length) {
            names = Arrays.copyOf(n, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** The value bound to {@code name} in this frame only, or {@link PyObject#MISSING}. */
    public Object getLocal(String name) {
        String[] n = names;
        for (int i = 0; i < size; i++) {
            String s = n[i];
            if (s == name || s.equals(name)) {
                return values[i];
            }
        }
        return PyObject.MISSING;
    }

    /**
     * Resolves {@code name} as the template sees it: this frame and its enclosing frames, then the
     * render's globals, then the environment's globals; {@link PyObject#MISSING} if none binds it, and
     * {@link #UNBOUND} if a scope has it but has not assigned it yet (both mean undefined).
     */
    public Object resolve(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            if (f.size > 0) {
                Object v = f.getLocal(name);
                if (v != PyObject.MISSING) {
                    return v;
                }
            }
        }
        Object v = globals.lookup(name);
        if (v != PyObject.MISSING) {
            return v;
        }
        return environment.globals().getOrDefault(name, PyObject.MISSING);
    }

    /** The variables bound in this frame, in the order they were first bound. */
    public Map<String, Object> variables() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (values[i] != UNBOUND) {
                m.put(names[i], values[i]);
            }
        }
        return m;
    }
}

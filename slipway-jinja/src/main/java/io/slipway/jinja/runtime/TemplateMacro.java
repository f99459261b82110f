package io.slipway.jinja.runtime;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Macro;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.lexer.PyLiterals;
import io.slipway.jinja.tree.Expr;
import io.slipway.jinja.tree.Stmt;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro bound to the scope it was defined in (its closure): calling it binds the arguments as Jinja2's
 * {@code Macro.__call__} does and renders the body in a new scope of the closure. Returns the rendered
 * string, or the value given to dbt's {@code return(x)}: every macro, a call block's {@code caller} too,
 * ends at the innermost {@code return}, as the golden harness (which patches Jinja2's {@code Macro}) has it.
 */
public final class TemplateMacro implements Macro, PyTyped {
    private final MacroSpec spec;
    private final Frame closure;

    public TemplateMacro(MacroSpec spec, Frame closure) {
        this.spec = spec;
        this.closure = closure;
    }

    @Override
    public MacroDefinition definition() {
        return spec;
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        RenderState state = context instanceof RenderState rs ? rs : new RenderState(spec.environment());
        Map<String, Object> keywords = args.keywords().isEmpty() ? null : new LinkedHashMap<>(args.keywords());
        return call(state, args.positional().toArray(), keywords);
    }

    @Override
    public Object invoke(List<?> positional, Map<String, ?> keywords) {
        Map<String, Object> kw = keywords.isEmpty() ? null : new LinkedHashMap<>(keywords);
        return call(new RenderState(spec.environment()), positional.toArray(), kw);
    }

    /**
     * Calls in the render {@code state}. {@code keywords} may be {@code null}; this call takes ownership
     * of it (it is modified).
     */
    public Object call(RenderState state, Object[] positional, Map<String, Object> keywords) {
        String[] params = spec.parameterArray();
        int n = params.length;
        Object[] values = Arrays.copyOf(positional, n);
        Frame frame = Frame.call(closure, state, spec.source());
        spec.scope().enter(frame);

        boolean foundCaller;
        if (positional.length < n) {
            foundCaller = false;
            for (int i = positional.length; i < n; i++) {
                String p = params[i];
                if (keywords != null && keywords.containsKey(p)) {
                    values[i] = keywords.remove(p);
                } else {
                    values[i] = MISSING;
                }
                if (p.equals("caller")) {
                    foundCaller = true;
                }
            }
        } else {
            foundCaller = spec.explicitCaller();
        }
        if (spec.accessesCaller() && !foundCaller) {
            Object caller = keywords == null ? null : keywords.remove("caller");
            frame.set("caller", caller != null ? caller : UndefinedValue.hint(frame.mode(), "No caller defined"));
        }
        if (spec.catchKwargs()) {
            frame.set("kwargs", keywords != null ? keywords : new LinkedHashMap<String, Object>());
        } else if (keywords != null && !keywords.isEmpty()) {
            if (keywords.containsKey("caller")) {
                throw JinjaException.python("TypeError", "macro " + quotedName()
                        + " was invoked with two values for the special caller argument. This is most likely a bug.");
            }
            throw JinjaException.python("TypeError", "macro " + quotedName() + " takes no keyword argument "
                    + PyLiterals.repr(keywords.keySet().iterator().next()));
        }
        if (spec.catchVarargs()) {
            frame.set("varargs", positional.length > n
                    ? PyTuple.of(Arrays.copyOfRange(positional, n, positional.length)) : PyTuple.of());
        } else if (positional.length > n) {
            throw JinjaException.python("TypeError", "macro " + quotedName() + " takes not more than " + n
                    + " argument(s)");
        }

        state.enter();
        try {
            for (int i = 0; i < n; i++) {
                Object v = values[i];
                if (v == MISSING) {
                    Expr d = spec.defaultOf(i);
                    v = d != null ? evalDefault(d, frame)
                            : UndefinedValue.hint(frame.mode(), "parameter " + PyLiterals.repr(params[i]) + " was not provided");
                }
                frame.set(params[i], v);
            }
            StringBuilder out = new StringBuilder();
            if (Stmt.renderAll(spec.body(), frame, out) == Stmt.RETURN) {
                return state.takeReturn();
            }
            return state.autoescape() ? new PyMarkup(out.toString()) : out.toString();
        } catch (ReturnSignal r) {
            return r.value();
        } catch (StackOverflowError e) {
            throw JinjaException.python("RecursionError", "maximum recursion depth exceeded");
        } finally {
            state.leave();
        }
    }

    private static Object evalDefault(Expr d, Frame frame) {
        try {
            return d.eval(frame);
        } catch (JinjaException e) {
            throw frame.source().locate(e, d.line());
        }
    }

    private String quotedName() {
        return spec.name() == null ? "None" : PyLiterals.repr(spec.name());
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "name" -> spec.name();
            case "arguments" -> PyTuple.copyOf(spec.parameters());
            case "catch_kwargs" -> spec.catchKwargs();
            case "catch_varargs" -> spec.catchVarargs();
            case "caller" -> spec.accessesCaller();
            case "explicit_caller" -> spec.explicitCaller();
            default -> MISSING;
        };
    }

    @Override
    public Object getItem(Object key) {
        return MISSING;
    }

    @Override
    public String repr() {
        return "<Macro " + (spec.name() == null ? "anonymous" : PyLiterals.repr(spec.name())) + ">";
    }

    @Override
    public String pythonTypeName() {
        return "Macro";
    }

    @Override
    public String pythonModule() {
        return "jinja2.runtime";
    }

    @Override
    public String toString() {
        return repr();
    }
}

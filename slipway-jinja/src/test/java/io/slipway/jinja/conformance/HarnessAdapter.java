package io.slipway.jinja.conformance;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.TemplateModule;

import java.util.Map;

/**
 * The harness's {@code adapter}: {@code dispatch(macro_name, macro_namespace=None)} returns the macro
 * {@code duckdb__<name>}, else {@code default__<name>}, of the module bound to {@code macro_namespace}
 * ({@code root} when none), as the golden generator's Python {@code Adapter} does.
 */
final class HarnessAdapter implements PyObject {
    private static final String[] PREFIXES = {"duckdb__", "default__"};

    private final Map<String, Object> globals;
    private final JinjaCallable dispatch;

    /** @param globals the render's globals, where modules are bound by name (read at dispatch time) */
    HarnessAdapter(Map<String, Object> globals) {
        this.globals = globals;
        this.dispatch = (context, args) -> dispatch(
                String.valueOf(args.get(0, "macro_name", null)), args.get(1, "macro_namespace", null));
    }

    private Object dispatch(String macroName, Object macroNamespace) {
        String namespace = macroNamespace == null ? "root" : String.valueOf(macroNamespace);
        if (globals.get(namespace) instanceof TemplateModule module) {
            for (String prefix : PREFIXES) {
                Object macro = module.getAttr(prefix + macroName);
                if (macro != MISSING && macro != null) {
                    return macro;
                }
            }
        }
        throw JinjaException.python("CompilationError",
                "No macro named '" + macroName + "' found within namespace: '" + namespace + "'");
    }

    @Override
    public Object getAttr(String name) {
        return "dispatch".equals(name) ? dispatch : MISSING;
    }

    @Override
    public String repr() {
        return "<Adapter>";
    }
}

package io.slipway.core.template;

import io.slipway.core.manifest.MacroNode;
import io.slipway.jinja.Globals;
import io.slipway.jinja.Macro;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names one render sees, resolved in dbt's order: macros (the caller package's, then the root
 * project's, packages', internal ones), then what is specific to this node ({@code this}, {@code ref},
 * {@code config}, ...), then package namespaces ({@code dbt_utils.star}), then the invocation's shared
 * context ({@code target}, {@code var}, {@code modules}, ...). Macros are bound to these globals on first
 * use, so a macro sees the calling node's context, as in dbt. One per render; not thread-safe.
 */
public final class NodeGlobals implements Globals {
    private final DbtContext context;
    private final String packageName;
    private final String nodeName;
    private final Map<String, Object> locals;
    private final Map<MacroNode, Macro> bound = new HashMap<>();
    private final Map<String, NamespaceValue> namespaces = new HashMap<>();
    private final Set<String> macrosUsed = new LinkedHashSet<>();

    /** A unit test's overrides; empty otherwise. */
    private final Map<String, Object> overrides = new HashMap<>();

    /**
     * @param packageName the package of the node (macro resolution starts there)
     * @param nodeName    for messages ({@code model.jaffle_shop.orders})
     * @param locals      node-specific names; the map is used as is and may be filled after construction
     */
    public NodeGlobals(DbtContext context, String packageName, String nodeName, Map<String, Object> locals) {
        this.context = context;
        this.packageName = packageName;
        this.nodeName = nodeName;
        this.locals = locals;
    }

    /**
     * Gives a name a value that wins over macros and everything else in this render: a unit test's overrides.
     * A macro's name is bound to a callable returning the value, as dbt's unit tests mock macros.
     */
    public void override(String name, Object value) {
        MacroIndex macros = context.macros();
        boolean isMacro = macros != null && macros.resolve(name, packageName) != null;
        overrides.put(name, isMacro ? (io.slipway.jinja.JinjaCallable) (ctx, args) -> value : value);
    }

    @Override
    public Object lookup(String name) {
        if (!overrides.isEmpty() && overrides.containsKey(name)) {
            return overrides.get(name);
        }
        MacroIndex macros = context.macros();
        if (macros != null) {
            MacroNode macro = macros.resolve(name, packageName);
            if (macro != null) {
                return bind(macro);
            }
        }
        Object local = locals.get(name);
        if (local instanceof LazyValue lazy) {
            local = lazy.supplier().get();
            locals.put(name, local);
            return local;
        }
        if (local != null || locals.containsKey(name)) {
            return local;
        }
        if (macros != null && macros.isPackage(name)) {
            return namespaces.computeIfAbsent(name, n -> new NamespaceValue(n, this));
        }
        return context.lookup(name);
    }

    /** The macro bound to this render's names (memoized). */
    public Macro bind(MacroNode macro) {
        macrosUsed.add(macro.uniqueId());
        Macro m = bound.get(macro);
        if (m == null) {
            m = macro.definition().bind(this);
            bound.put(macro, m);
        }
        return m;
    }

    public DbtContext context() {
        return context;
    }

    public String packageName() {
        return packageName;
    }

    public String nodeName() {
        return nodeName;
    }

    public Map<String, Object> locals() {
        return locals;
    }

    /** Unique ids of the macros this render reached, in first-use order. */
    public Set<String> macrosUsed() {
        return macrosUsed;
    }
}

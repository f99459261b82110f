package io.slipway.jinja;

/** What a call, filter or test sees of the render in progress. One per render; never shared across threads. */
public interface CallContext {
    /** The environment the template was parsed in. */
    Environment environment();

    /**
     * The globals of the code making the call: those the render was started with, or, inside a macro bound
     * with {@link MacroDefinition#bind}, those it was bound to. Hosts keep per-render state (the node being
     * compiled, say) in their own {@link Globals} implementation and cast to reach it.
     */
    Globals globals();

    /** Resolves a name as the template would at the call site: locals, then globals, then environment globals; {@link Undefined} when absent. */
    Object resolve(String name);

    /** Name of the template being rendered where the call happens. */
    String templateName();

    /** 1-based line of the call in {@link #templateName()}. */
    int line();

    /** How undefined values behave in this render (the environment's mode unless the render chose another). */
    default UndefinedMode undefinedMode() {
        return environment().undefinedMode();
    }
}

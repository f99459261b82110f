package io.slipway.jinja;

import java.util.List;

/**
 * A macro as parsed: its name, parameters and body. Immutable and shared; {@link #bind} makes a callable
 * macro that resolves free names against the given globals (dbt binds a project's macros to each node's
 * context this way).
 */
public interface MacroDefinition {
    /** The macro's name as defined (for block tags, the name the tag produced, e.g. {@code materialization_table_default}). */
    String name();

    /** Parameter names in order (defaults are expressions evaluated at call time, as Jinja2 does). */
    List<String> parameters();

    /** Name of the template that defines it. */
    String templateName();

    /** 1-based line of the definition. */
    int line();

    /** A callable macro whose free names resolve against {@code globals}. Cheap: no copying of the body. */
    Macro bind(Globals globals);
}

package io.slipway.jinja;

import java.util.List;
import java.util.Map;

/**
 * A parsed template: immutable, rendered by many threads at once, each render with its own state.
 * Parse once ({@link Environment#parse}), render many times.
 */
public interface Template {
    /** The name given at parse time, used in error messages. */
    String name();

    /** Renders with these variables as globals (over the environment's globals). */
    String render(Map<String, ?> variables);

    /** Renders with lazily resolved globals (over the environment's globals). */
    String render(Globals globals);

    /**
     * Renders with undefined values behaving per {@code mode} instead of the environment's default: dbt
     * renders a model at parse time with its capture mode ({@link UndefinedMode#CHAINABLE}) and at run time
     * with Jinja2's default, from one parsed template.
     */
    String render(Globals globals, UndefinedMode mode);

    /**
     * The macros defined at the top level of this template, in source order, including those defined by
     * block tags (for example dbt's {@code {% materialization %}}), found at parse time without rendering.
     */
    List<MacroDefinition> macros();

    /**
     * Runs the template's top level as Jinja2's {@code make_module} does: returns its output, the macros it
     * defines bound to {@code globals}, and the variables its top level sets.
     */
    TemplateModule module(Globals globals);
}

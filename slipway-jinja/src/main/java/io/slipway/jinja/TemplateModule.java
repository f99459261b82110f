package io.slipway.jinja;

import java.util.Map;

/**
 * The result of running a template's top level: what {@code {% import %}} would see. Attribute access
 * ({@code module.name}) finds exported macros and variables.
 *
 * @param output    the rendered top-level output
 * @param exports   macros (as {@link Macro}) and top-level variables, by name, in definition order
 */
public record TemplateModule(String output, Map<String, Object> exports) implements PyObject {
    public TemplateModule {
        java.util.Objects.requireNonNull(output, "output is null");
        exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
    }

    @Override
    public Object getAttr(String name) {
        return exports.containsKey(name) ? exports.get(name) : MISSING;
    }

    @Override
    public String str() {
        return output;
    }
}

package io.slipway.core.template;

import io.slipway.core.project.ValueRenderer;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.Template;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders Jinja in {@code dbt_project.yml} and {@code profiles.yml} values with the small context dbt
 * gives them: {@code env_var}, {@code var} (command-line vars) and, for the project file, {@code target}.
 */
public final class YamlValueRenderer implements ValueRenderer {
    private final DbtJinja jinja;
    private final Map<String, Object> names;
    private final String file;

    public YamlValueRenderer(DbtJinja jinja, Map<String, String> env, Vars cliVars, Map<String, Object> target, String file) {
        this.jinja = jinja;
        this.file = file;
        Map<String, Object> n = new HashMap<>();
        DbtContext minimal = new DbtContext(jinja, target == null ? Map.of() : target, cliVars, env, e -> {
        }, "", java.time.ZonedDateTime.now(), Map.of(), java.util.List.of(), Map.of());
        n.put("env_var", (JinjaCallable) (ctx, args) -> BaseContext.envVar(minimal, args));
        n.put("var", minimal.lookup("var"));
        if (target != null) {
            n.put("target", target);
        }
        this.names = n;
    }

    @Override
    public Object render(String value, String keyPath) {
        Template template = jinja.parse(value, file);
        Map<String, Object> locals = new HashMap<>(names);
        Globals globals = name -> locals.containsKey(name) ? locals.get(name) : Globals.MISSING;
        try {
            return NativeValues.fromText(template.render(globals));
        } catch (RuntimeException e) {
            throw Renderer.translate(e, file + " (" + keyPath + ")");
        }
    }
}

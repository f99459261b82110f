package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.Environment;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroReturn;
import io.slipway.jinja.Template;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Jinja environment as dbt configures it (sandboxed, {@code do} and {@code loopcontrols}, dbt's
 * block tags, {@code return()}, the text-mode {@code as_*} filters), and a cache of parsed templates so
 * each file is parsed once per process whatever the number of invocations.
 */
public final class DbtJinja {
    private final Environment environment;
    private final ConcurrentMap<TemplateKey, Template> cache = new ConcurrentHashMap<>();

    public DbtJinja() {
        Environment.Builder builder = Environment.builder()
                .global("return", MacroReturn.FUNCTION)
                .filter("as_bool", (ctx, value, args) -> value)
                .filter("as_native", (ctx, value, args) -> value)
                .filter("as_number", (ctx, value, args) -> value)
                .filter("as_text", (ctx, value, args) -> value)
                .filter("is_list", (ctx, value, args) -> value instanceof java.util.List<?>);
        DbtTags.register(builder);
        this.environment = builder.build();
    }

    public Environment environment() {
        return environment;
    }

    /**
     * Parses (or takes from the cache) a template.
     *
     * @param name the file it comes from, relative to the project, for error messages
     * @throws SlipwayException with {@link ErrorCode#COMPILATION_ERROR}, the file and line, on a syntax error
     */
    public Template parse(String source, String name) {
        TemplateKey key = new TemplateKey(name, source);
        Template cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            Template template = environment.parse(source, name);
            cache.putIfAbsent(key, template);
            return template;
        } catch (JinjaException e) {
            throw compilationError(e, name);
        }
    }

    /** A Jinja error as a user-facing error with its file and line. */
    public static SlipwayException compilationError(JinjaException e, String fallbackName) {
        String file = e.templateName() != null ? e.templateName() : fallbackName;
        String kind = "TemplateSyntaxError".equals(e.pythonType()) ? "Syntax error" : e.pythonType();
        return new SlipwayException(ErrorCode.COMPILATION_ERROR,
                "Compilation Error in " + file + (e.line() > 0 ? ", line " + e.line() : "") + (e.column() > 0 ? ", column " + e.column() : "")
                        + ":\n  " + kind + ": " + e.pythonMessage()
                        + (e.excerpt() != null && !e.excerpt().isBlank() ? "\n    > " + e.excerpt().strip() : ""),
                file, e.line(), e);
    }

    private record TemplateKey(String name, String source) {
    }
}

package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Macro;
import io.slipway.jinja.Template;

import java.util.List;
import java.util.Map;

/**
 * Renders templates and calls macros, turning every failure into a {@link SlipwayException} that names
 * the file and line: Jinja errors, dbt errors raised by context functions, and warehouse errors.
 */
public final class Renderer {
    private Renderer() {
    }

    public static String render(Template template, NodeGlobals globals, String file) {
        try {
            return template.render(globals);
        } catch (RuntimeException e) {
            throw translate(e, file);
        }
    }

    /**
     * Renders as dbt does at parse time: names and attributes that do not exist swallow attribute access
     * and calls instead of failing (dbt's capture mode), since nothing has executed yet.
     */
    public static String renderCapturing(Template template, NodeGlobals globals, String file) {
        try {
            return template.render(globals, io.slipway.jinja.UndefinedMode.CHAINABLE);
        } catch (RuntimeException e) {
            throw translate(e, file);
        }
    }

    public static Object call(Macro macro, List<?> positional, Map<String, ?> keywords, String file) {
        try {
            return macro.invoke(positional, keywords);
        } catch (RuntimeException e) {
            throw translate(e, file);
        }
    }

    /** The user-facing form of an error raised while rendering {@code file}. */
    public static SlipwayException translate(RuntimeException e, String file) {
        Throwable t = e;
        JinjaException jinja = null;
        while (t != null) {
            if (t instanceof SlipwayException s) {
                if (s.file() != null) {
                    return s;
                }
                int line = jinja != null ? jinja.line() : 0;
                String where = jinja != null && jinja.templateName() != null ? jinja.templateName() : file;
                return new SlipwayException(s.code(), s.getMessage(), where, line, s);
            }
            if (t instanceof JinjaException j && jinja == null) {
                jinja = j;
            }
            if (t instanceof io.slipway.adapter.AdapterException a) {
                ErrorCode code = a.code() == io.slipway.adapter.AdapterErrorCode.CANCELLED ? ErrorCode.CANCELLED : ErrorCode.DATABASE_ERROR;
                return new SlipwayException(code, a.getMessage(), file, jinja == null ? 0 : jinja.line(), a);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (jinja != null) {
            return DbtJinja.compilationError(jinja, file);
        }
        return new SlipwayException(ErrorCode.INTERNAL, "internal error while rendering " + file + ": " + e, file, 0, e);
    }
}

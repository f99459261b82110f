package io.slipway.jinja.lexer;

import io.slipway.jinja.JinjaException;

/** Builds the {@code TemplateSyntaxError}s of the lexer and parser, located in the template source. */
public final class SyntaxErrors {
    private SyntaxErrors() {
    }

    public static JinjaException syntaxError(String message, String templateName, String source, int line) {
        return error("TemplateSyntaxError", message, templateName, source, line);
    }

    /** A syntax error at a known column (Jinja2 gives only the line; the column helps users find the spot). */
    public static JinjaException syntaxError(String message, String templateName, String source, int line, int column) {
        return new JinjaException("TemplateSyntaxError", message, templateName, line, column, lineOf(source, line), null);
    }

    public static JinjaException error(String pythonType, String message, String templateName, String source, int line) {
        return new JinjaException(pythonType, message, templateName, line, 0, lineOf(source, line), null);
    }

    /** The text of 1-based line {@code line} of {@code source}, without its newline; {@code null} if out of range. */
    public static String lineOf(String source, int line) {
        if (source == null || line < 1) {
            return null;
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return (end < 0 ? source.substring(start) : source.substring(start, end)).strip();
    }
}

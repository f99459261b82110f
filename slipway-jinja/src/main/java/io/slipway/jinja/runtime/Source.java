package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.lexer.SyntaxErrors;

/** A template's name and normalized source text, to locate errors. Immutable. */
public record Source(String name, String text) {

    /** The source line {@code line} (1-based), trimmed; {@code null} if unknown. */
    public String excerpt(int line) {
        return SyntaxErrors.lineOf(text, line);
    }

    /** {@code e} located at {@code line} of this source, unless it already has a location. */
    public JinjaException locate(JinjaException e, int line) {
        if (e.templateName() != null) {
            return e;
        }
        return e.withLocation(name, line, 0, excerpt(line));
    }
}

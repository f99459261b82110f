package io.slipway.jinja;

import java.util.List;

/**
 * What a {@link BlockTag} sees of the parser while it reads its header: Jinja2's token stream, one token
 * at a time. Errors are {@code TemplateSyntaxError}s with the line, as Jinja2's parser raises them.
 */
public interface TagParser {
    /** 1-based line of the tag. */
    int line();

    /** Reads a name token and returns it; fails with {@code expected token 'name', got ...} otherwise. */
    String name();

    /**
     * Consumes the next token if it is {@code token}: an operator ({@code ","}, {@code "="}, {@code "("})
     * or a name ({@code "default"}); returns whether it did.
     */
    boolean skip(String token);

    /** Requires and consumes {@code token} (an operator or a name). */
    void expect(String token);

    /** Whether the header is complete: the next token closes the tag. */
    boolean atEnd();

    /** Parses an expression (Jinja2's {@code parse_expression}). */
    Expression expression();

    /** Parses a parenthesized macro signature, {@code (a, b=1)}, as {@code {% macro %}} does. */
    List<Parameter> signature();

    /** An expression that evaluates to {@code value}, a literal (lists and dicts are copied per evaluation). */
    Expression literal(Object value);

    /** A {@code TemplateSyntaxError} at the tag's line, to throw. */
    JinjaException error(String message);

    /** A parsed expression. */
    interface Expression {
        /** The value if the expression is a literal ({@code 'x'}, {@code 1}, {@code ['sql']}); else {@link PyObject#MISSING}. */
        Object literal();
    }

    /** A macro parameter, with its default value expression or {@code null}. */
    record Parameter(String name, Expression defaultValue) {
        public Parameter {
            java.util.Objects.requireNonNull(name, "name is null");
        }
    }
}

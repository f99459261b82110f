package io.slipway.jinja.lexer;

/**
 * A token: its type, its value ({@link String} for names, strings and data, {@link Long} or
 * {@link java.math.BigInteger} for integers, {@link Double} for floats, the spelling for operators) and
 * the 1-based line and column where it starts (column 0 when unknown).
 */
public record Token(TokenType type, Object value, int line, int column) {

    /** A token whose column is not known (0). */
    public Token(TokenType type, Object value, int line) {
        this(type, value, line, 0);
    }

    /** Whether this is the name token {@code name} (a keyword such as {@code endfor}). */
    public boolean isName(String name) {
        return type == TokenType.NAME && name.equals(value);
    }

    /** The token as Jinja2 describes it in messages: a name by its spelling, anything else by its type. */
    public String describe() {
        return type == TokenType.NAME ? (String) value : type.description();
    }
}

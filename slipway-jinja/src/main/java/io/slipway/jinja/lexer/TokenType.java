package io.slipway.jinja.lexer;

/** Kinds of tokens, with the description Jinja2 uses for them in syntax errors. */
public enum TokenType {
    DATA("template data / text"),
    VARIABLE_BEGIN("begin of print statement"),
    VARIABLE_END("end of print statement"),
    BLOCK_BEGIN("begin of statement block"),
    BLOCK_END("end of statement block"),
    NAME("name"),
    STRING("string"),
    INTEGER("integer"),
    FLOAT("float"),
    ADD("+"),
    SUB("-"),
    DIV("/"),
    FLOORDIV("//"),
    MUL("*"),
    MOD("%"),
    POW("**"),
    TILDE("~"),
    LBRACKET("["),
    RBRACKET("]"),
    LPAREN("("),
    RPAREN(")"),
    LBRACE("{"),
    RBRACE("}"),
    EQ("=="),
    NE("!="),
    GT(">"),
    GTEQ(">="),
    LT("<"),
    LTEQ("<="),
    ASSIGN("="),
    DOT("."),
    COLON(":"),
    PIPE("|"),
    COMMA(","),
    SEMICOLON(";"),
    EOF("end of template");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How Jinja2 names this kind of token in messages ({@code 'end of print statement'}, {@code ')'}). */
    public String description() {
        return description;
    }

    /** The operator token spelled {@code op}, or {@code null}. */
    public static TokenType operator(String op) {
        return switch (op) {
            case "+" -> ADD;
            case "-" -> SUB;
            case "/" -> DIV;
            case "//" -> FLOORDIV;
            case "*" -> MUL;
            case "%" -> MOD;
            case "**" -> POW;
            case "~" -> TILDE;
            case "[" -> LBRACKET;
            case "]" -> RBRACKET;
            case "(" -> LPAREN;
            case ")" -> RPAREN;
            case "{" -> LBRACE;
            case "}" -> RBRACE;
            case "==" -> EQ;
            case "!=" -> NE;
            case ">" -> GT;
            case ">=" -> GTEQ;
            case "<" -> LT;
            case "<=" -> LTEQ;
            case "=" -> ASSIGN;
            case "." -> DOT;
            case ":" -> COLON;
            case "|" -> PIPE;
            case "," -> COMMA;
            case ";" -> SEMICOLON;
            default -> null;
        };
    }
}

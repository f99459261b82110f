package io.slipway.jinja.parser;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.lexer.Lexer;
import io.slipway.jinja.lexer.PyLiterals;
import io.slipway.jinja.lexer.SyntaxErrors;
import io.slipway.jinja.lexer.Token;
import io.slipway.jinja.lexer.TokenType;

import java.util.ArrayDeque;

/** Jinja2's token stream: the current token, one token of look-ahead, tokens pushed back. */
final class TokenStream {
    private final Lexer lexer;
    private final String templateName;
    private final ArrayDeque<Token> pushed = new ArrayDeque<>(2);
    private Token current;

    TokenStream(Lexer lexer, String templateName) {
        this.lexer = lexer;
        this.templateName = templateName;
        this.current = new Token(TokenType.EOF, "", 1);
        this.current = fetch();
    }

    Token current() {
        return current;
    }

    TokenType type() {
        return current.type();
    }

    boolean atEof() {
        return current.type() == TokenType.EOF;
    }

    private Token fetch() {
        Token t = lexer.next();
        if (t.type() == TokenType.EOF) {
            // As Jinja2's stream does when the lexer runs dry: the end sits on the last token's line.
            return new Token(TokenType.EOF, "", current.line());
        }
        return t;
    }

    /** Advances; returns the token that was current. */
    Token next() {
        Token rv = current;
        if (!pushed.isEmpty()) {
            current = pushed.poll();
        } else if (current.type() != TokenType.EOF) {
            current = fetch();
        }
        return rv;
    }

    /** The token after the current one. */
    Token look() {
        Token old = next();
        Token result = current;
        pushed.push(result);
        current = old;
        return result;
    }

    boolean testName(String name) {
        return current.isName(name);
    }

    boolean skipIf(TokenType type) {
        if (current.type() == type) {
            next();
            return true;
        }
        return false;
    }

    boolean skipIfName(String name) {
        if (current.isName(name)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(TokenType type) {
        if (current.type() != type) {
            throw expected(type.description());
        }
        return next();
    }

    Token expectName(String name) {
        if (!current.isName(name)) {
            throw expected(name);
        }
        return next();
    }

    private JinjaException expected(String what) {
        if (current.type() == TokenType.EOF) {
            return error("unexpected end of template, expected " + PyLiterals.repr(what) + ".", current.line());
        }
        return SyntaxErrors.syntaxError("expected token " + PyLiterals.repr(what) + ", got " + PyLiterals.repr(current.describe()),
                templateName, lexer.source(), current.line(), current.column());
    }

    JinjaException error(String message, int line) {
        if (line == current.line() && current.column() > 0) {
            return SyntaxErrors.syntaxError(message, templateName, lexer.source(), line, current.column());
        }
        return SyntaxErrors.syntaxError(message, templateName, lexer.source(), line);
    }
}

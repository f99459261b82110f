package io.slipway.jinja;

import io.slipway.jinja.lexer.Lexer;
import io.slipway.jinja.lexer.Token;
import io.slipway.jinja.lexer.TokenType;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static io.slipway.jinja.JinjaTesting.assertFailsAt;
import static io.slipway.jinja.JinjaTesting.assertRenders;
import static io.slipway.jinja.JinjaTesting.environment;
import static org.assertj.core.api.Assertions.assertThat;

class LexerTest {

    private static List<Token> tokens(String source) {
        Lexer lexer = new Lexer(source, "t", false, false, false);
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.next(); t.type() != TokenType.EOF; t = lexer.next()) {
            out.add(t);
        }
        return out;
    }

    @Test
    void splitsTextTagsAndExpressions() {
        List<Token> t = tokens("a {{ x.y(1) }} b {% if z %}");
        assertThat(t).extracting(Token::type).containsExactly(
                TokenType.DATA, TokenType.VARIABLE_BEGIN, TokenType.NAME, TokenType.DOT, TokenType.NAME,
                TokenType.LPAREN, TokenType.INTEGER, TokenType.RPAREN, TokenType.VARIABLE_END, TokenType.DATA,
                TokenType.BLOCK_BEGIN, TokenType.NAME, TokenType.NAME, TokenType.BLOCK_END);
    }

    @Test
    void readsNumbersAsPythonDoes() {
        List<Token> t = tokens("{{ 1_000 0x1F 0b101 0o17 1e3 1.5 2.5e-3 99999999999999999999 }}");
        assertThat(t.subList(1, t.size() - 1)).extracting(Token::value).containsExactly(
                1000L, 31L, 5L, 15L, 1000.0, 1.5, 0.0025, new BigInteger("99999999999999999999"));
    }

    @Test
    void readsOperatorsLongestFirst() {
        List<Token> t = tokens("{{ a ** b // c != d <= e }}");
        assertThat(t).extracting(Token::type).contains(TokenType.POW, TokenType.FLOORDIV, TokenType.NE, TokenType.LTEQ);
    }

    @Test
    void anyIdentifierIsAName() {
        assertRenders("{% set empty = 1 %}{% set mod = 2 %}{% set div = 3 %}{{ empty }}{{ mod }}{{ div }}", "123");
        assertRenders("{% set not_a_keyword = 'k' %}{{ not_a_keyword }}", "k");
    }

    @Test
    void decodesPythonStringEscapes() {
        assertRenders("{{ 'a\\tb' }}|{{ '\\x41' }}|{{ '\\u00e9' }}|{{ 'back\\\\slash' }}|{{ 'it\\'s' }}|{{ \"q\\\"\" }}",
                "a\tb|A|é|back\\slash|it's|q\"");
        assertRenders("{{ 'a\\\nb' }}", "ab");
        assertRenders("{{ '\\d' }}", "\\d");
        assertRenders("{{ 'abc' 'def' }}", "abcdef");
    }

    @Test
    void dropsOneTrailingNewlineUnlessKept() {
        assertRenders("a\n\n", "a\n");
        assertRenders("a\r\nb\rc\n", "a\nb\nc");
        Environment keep = environment(Environment.builder().keepTrailingNewline(true));
        assertThat(keep.parse("a\n").render(java.util.Map.of())).isEqualTo("a\n");
    }

    @Test
    void minusMarkersStripWhitespaceAroundTags() {
        assertRenders("a\n  {%- if true -%}\n  b\n  {%- endif -%}\n  c", "abc");
        assertRenders("a{# comment #}b {#- trim -#}   c", "abc");
        assertRenders("  {{- 1 -}}  ", "1");
        assertRenders("{{-1}}", "1");
    }

    @Test
    void trimBlocksAndLstripBlocks() {
        String template = "<ul>\n  {% for x in [1, 2] %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>";
        assertRenders(template, "<ul>\n  \n  <li>1</li>\n  \n  <li>2</li>\n  \n</ul>");
        Environment trimmed = environment(Environment.builder().trimBlocks(true).lstripBlocks(true));
        assertThat(trimmed.parse(template).render(java.util.Map.of())).isEqualTo("<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>");
        Environment plus = environment(Environment.builder().trimBlocks(true).lstripBlocks(true));
        assertThat(plus.parse("  {%+ if true %}x{% endif +%}\ny").render(java.util.Map.of())).isEqualTo("  x\ny");
    }

    @Test
    void rawBlocksAreNotParsed() {
        assertRenders("{% raw %}{{ not rendered }}{% if %}{% endraw %}", "{{ not rendered }}{% if %}");
        assertRenders("  {%- raw -%}  {{ x }}  {%- endraw -%}  ", "{{ x }}");
    }

    @Test
    void reportsLexicalErrorsWithTheirLine() {
        assertFailsAt("line 1\n{{ x ! y }}", "TemplateSyntaxError", "unexpected char '!' at 12", 2);
        assertFailsAt("{{ (x }}", "TemplateSyntaxError", "unexpected '}', expected ')'", 1);
        assertFailsAt("{{ x ]}}", "TemplateSyntaxError", "unexpected ']'", 1);
        assertFailsAt("\n\n{# open", "TemplateSyntaxError", "Missing end of comment tag", 3);
        assertFailsAt("{% raw %} x", "TemplateSyntaxError", "Missing end of raw directive", 1);
        assertFailsAt("{{ '\\x4' }}", "TemplateSyntaxError", "truncated \\xXX escape", 1);
        assertFailsAt("{{ \"abc }}", "TemplateSyntaxError", "unexpected char '\"' at 3", 1);
    }
}

package io.slipway.core.selection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Python's fnmatchcase, as dbt uses it. */
class FnmatchTest {
    @Test
    void starMatchesAnythingIncludingDotsAndSlashes() {
        assertThat(Fnmatch.matches("", "*")).isTrue();
        assertThat(Fnmatch.matches("a.b/c", "*")).isTrue();
        assertThat(Fnmatch.matches("staging.stg_orders", "staging.*")).isTrue();
        assertThat(Fnmatch.matches("stg_orders", "*orders")).isTrue();
        assertThat(Fnmatch.matches("stg_orders", "*order")).isFalse();
        assertThat(Fnmatch.matches("a\nb", "a*b")).isTrue();
    }

    @Test
    void questionMarkMatchesOneCharacter() {
        assertThat(Fnmatch.matches("abc", "a?c")).isTrue();
        assertThat(Fnmatch.matches("ac", "a?c")).isFalse();
        assertThat(Fnmatch.matches("abbc", "a?c")).isFalse();
    }

    @Test
    void bracketsAreCharacterClasses() {
        assertThat(Fnmatch.matches("b", "[abc]")).isTrue();
        assertThat(Fnmatch.matches("d", "[abc]")).isFalse();
        assertThat(Fnmatch.matches("d", "[!abc]")).isTrue();
        assertThat(Fnmatch.matches("a", "[!abc]")).isFalse();
        assertThat(Fnmatch.matches("m", "[a-z]")).isTrue();
        assertThat(Fnmatch.matches("M", "[a-z]")).isFalse();
        assertThat(Fnmatch.matches("-", "[a-]")).isTrue();
        assertThat(Fnmatch.matches("]", "[]]")).isTrue();
        assertThat(Fnmatch.matches("x", "[!]]")).isTrue();
        assertThat(Fnmatch.matches("m", "[z-a]")).isFalse();
        assertThat(Fnmatch.matches("&", "[&&]")).isTrue();
        assertThat(Fnmatch.matches("[", "[[]")).isTrue();
    }

    @Test
    void anUnclosedBracketIsLiteral() {
        assertThat(Fnmatch.matches("[ab", "[ab")).isTrue();
        assertThat(Fnmatch.matches("a", "[ab")).isFalse();
    }

    @Test
    void otherCharactersAreLiteralAndCaseSensitive() {
        assertThat(Fnmatch.matches("a+b(c)^$|{1}\\", "a+b(c)^$|{1}\\")).isTrue();
        assertThat(Fnmatch.matches("aab", "a+b")).isFalse();
        assertThat(Fnmatch.matches("a.b", "a.b")).isTrue();
        assertThat(Fnmatch.matches("axb", "a.b")).isFalse();
        assertThat(Fnmatch.matches("Tag", "tag")).isFalse();
    }

    @Test
    void wildcardDetection() {
        assertThat(Fnmatch.hasWildcard("stg_*")).isTrue();
        assertThat(Fnmatch.hasWildcard("a]")).isTrue();
        assertThat(Fnmatch.hasWildcard("stg_orders")).isFalse();
    }
}

package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Syntax errors carry the column of the offending token besides Jinja2's line and message. */
class ErrorColumnTest {
    private final Environment env = Environment.builder().build();

    @Test
    void unexpectedTokenPointsAtItsColumn() {
        JinjaException e = catchThrowableOfType(JinjaException.class, () -> env.parse("select 1\nfrom {{ ref('a' 'b' ) ) }}", "m.sql"));
        assertThat(e.pythonType()).isEqualTo("TemplateSyntaxError");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(23);
        assertThat(e.excerpt()).isEqualTo("from {{ ref('a' 'b' ) ) }}");
        assertThat(e.getMessage()).contains("in m.sql, line 2, column 23");
    }

    @Test
    void unexpectedCharacterPointsAtIt() {
        JinjaException e = catchThrowableOfType(JinjaException.class, () -> env.parse("{{ a $ b }}", "m.sql"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(6);
    }
}

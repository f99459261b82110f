package io.slipway.jinja;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The three undefined modes, each case as Python's Jinja2 renders it (Undefined, StrictUndefined, dbt's capture undefined). */
class UndefinedModeTest {
    private static final Map<UndefinedMode, Environment> ENVS = Map.of(
            UndefinedMode.DEFAULT, JinjaTesting.environment(Environment.builder()),
            UndefinedMode.STRICT, JinjaTesting.environment(Environment.builder().undefined(UndefinedMode.STRICT)),
            UndefinedMode.CHAINABLE, JinjaTesting.environment(Environment.builder().undefined(UndefinedMode.CHAINABLE)));

    private static final String X_UNDEFINED = "!UndefinedError: 'x' is undefined";

    private static String outcome(UndefinedMode mode, String template) {
        try {
            return ENVS.get(mode).parse(template).render(Map.of());
        } catch (JinjaException e) {
            return "!" + e.pythonType() + ": " + e.pythonMessage();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // template                                      | default                     | strict                     | chainable
        "[{{ x }}]                                        | []                          | " + X_UNDEFINED + "        | []",
        "{{ x.y }}                                        | " + X_UNDEFINED + "         | " + X_UNDEFINED + "        | ``",
        "{{ x[0] }}                                       | " + X_UNDEFINED + "         | " + X_UNDEFINED + "        | ``",
        "{{ x() }}                                        | " + X_UNDEFINED + "         | " + X_UNDEFINED + "        | ``",
        "{{ x.y.z }}                                      | " + X_UNDEFINED + "         | " + X_UNDEFINED + "        | ``",
        "{{ x is defined }}                               | False                       | False                      | False",
        "{% if x %}t{% else %}f{% endif %}                | f                           | " + X_UNDEFINED + "        | f",
        "{% for i in x %}i{% endfor %}done                | done                        | " + X_UNDEFINED + "        | done",
        "{{ x + 1 }}                                      | " + X_UNDEFINED + "         | " + X_UNDEFINED + "        | " + X_UNDEFINED,
        "{{ x == 1 }}                                     | False                       | " + X_UNDEFINED + "        | False",
        "{{ x ~ 'a' }}                                    | a                           | " + X_UNDEFINED + "        | a",
        "{{ {}.missing }}                                 | ``                          | !UndefinedError: 'dict object' has no attribute 'missing' | ``",
        "{{ [1][5] }}                                     | ``                          | !UndefinedError: list object has no element 5 | ``",
        "{{ 1 if false }}                                 | ``                          | ``                         | ``",
        "{{ (1 if false).attr }}                          | !UndefinedError: the inline if-expression on line 1 evaluated to false and no else section was defined. | !UndefinedError: the inline if-expression on line 1 evaluated to false and no else section was defined. | !UndefinedError: the inline if-expression on line 1 evaluated to false and no else section was defined.",
        "{% macro m(a) %}{{ a }}{% endmacro %}[{{ m() }}] | []                          | !UndefinedError: parameter 'a' was not provided | []",
    })
    void undefinedBehavesAsInJinja2(String template, String asDefault, String asStrict, String asChainable) {
        assertThat(outcome(UndefinedMode.DEFAULT, template)).as("default").isEqualTo(asDefault);
        assertThat(outcome(UndefinedMode.STRICT, template)).as("strict").isEqualTo(asStrict);
        assertThat(outcome(UndefinedMode.CHAINABLE, template)).as("chainable").isEqualTo(asChainable);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "{{ x|default(1) }} ; 1 ; 1 ; 1",
        "{{ x|length }}     ; 0 ; !UndefinedError: 'x' is undefined ; 0",
    })
    void filtersSeeUndefined(String template, String asDefault, String asStrict, String asChainable) {
        undefinedBehavesAsInJinja2(template, asDefault, asStrict, asChainable);
    }

    @org.junit.jupiter.api.Test
    void errorsCarryTheLocation() {
        JinjaException e = catchThrowableOfType(JinjaException.class,
                () -> ENVS.get(UndefinedMode.DEFAULT).parse("line one\n  {{ x.y }}", "model.sql").render(Map.of()));
        assertThat(e.templateName()).isEqualTo("model.sql");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.excerpt()).isEqualTo("{{ x.y }}");
        assertThat(e.getMessage()).contains("'x' is undefined", "model.sql, line 2");
    }
}

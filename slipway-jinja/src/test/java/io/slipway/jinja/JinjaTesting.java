package io.slipway.jinja;

import io.slipway.jinja.testing.DbtTestTags;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rendering helpers for the engine's unit tests. The environment is dbt's (Jinja2 defaults, dbt's block
 * tags, {@code return}). Every expected string in {@link #assertRenders}, {@link #assertFails} and
 * {@link #assertFailsAt} calls is what Python's Jinja2 3.1.6 gives for the same template in the conformance
 * harness's environment (checked by rendering each one with it).
 */
final class JinjaTesting {
    static final Environment ENV = environment(Environment.builder());

    private JinjaTesting() {
    }

    static Environment environment(Environment.Builder builder) {
        return DbtTestTags.register(builder.global("return", MacroReturn.FUNCTION)).build();
    }

    static String render(String template) {
        return ENV.parse(template).render(Map.of());
    }

    static String render(String template, Map<String, ?> variables) {
        return ENV.parse(template).render(variables);
    }

    static void assertRenders(String template, String expected) {
        assertThat(render(template)).as(template).isEqualTo(expected);
    }

    static JinjaException failure(String template) {
        return failure(ENV, template);
    }

    static JinjaException failure(Environment env, String template) {
        JinjaException e = catchThrowableOfType(JinjaException.class, () -> env.parse(template).render(Map.of()));
        assertThat(e).as("error expected from %s", template).isNotNull();
        return e;
    }

    static void assertFails(String template, String pythonType, String message) {
        JinjaException e = failure(template);
        assertThat(e.pythonType()).as(template).isEqualTo(pythonType);
        assertThat(e.pythonMessage()).as(template).isEqualTo(message);
    }

    static void assertFailsAt(String template, String pythonType, String message, int line) {
        JinjaException e = failure(template);
        assertThat(e.pythonType()).as(template).isEqualTo(pythonType);
        assertThat(e.pythonMessage()).as(template).isEqualTo(message);
        assertThat(e.line()).as("line of the error in %s", template).isEqualTo(line);
    }
}

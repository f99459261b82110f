package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.slipway.jinja.JinjaTesting.assertRenders;
import static io.slipway.jinja.JinjaTesting.render;
import static org.assertj.core.api.Assertions.assertThat;

class ScopingTest {

    @Test
    void topLevelSetIsVisibleLater() {
        assertRenders("{{ x }}{% set x = 1 %}{{ x }}", "1");
        assertThat(render("{{ x }}{% set x = 1 %}{{ x }}", Map.of("x", 5L))).isEqualTo("51");
    }

    @Test
    void setInsideIfIsVisibleAfterIt() {
        assertRenders("{% if true %}{% set x = 3 %}{% endif %}{{ x }}", "3");
    }

    @Test
    void loopBodiesDoNotLeakAndStartEachIterationAfresh() {
        assertRenders("{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + 1 %}{{ x }}{% endfor %}{{ x }}", "221");
        assertRenders("{% for i in [1, 2] %}{% if i == 1 %}{% set y = 5 %}{% endif %}[{{ y }}]{% endfor %}", "[5][]");
        assertRenders("{% for i in [1] %}{% set z = 1 %}{% endfor %}[{{ z }}]", "[]");
    }

    @Test
    void blocksWithABodyHaveTheirOwnScope() {
        assertRenders("{% set y %}{% set x = 1 %}{% endset %}[{{ x }}]", "[]");
        assertRenders("{% with %}{% set x = 1 %}{% endwith %}[{{ x }}]", "[]");
        assertRenders("{% set a = 5 %}{% with a = 1, b = a %}{{ a }}{{ b }}{% endwith %}{{ a }}", "155");
    }

    @Test
    void macrosSeeTheirDefiningScopeWhenCalled() {
        assertRenders("{% set x = 1 %}{% macro m() %}{{ x }}{% endmacro %}{% set x = 2 %}{{ m() }}", "2");
        assertRenders("{% macro m() %}{% set x = 2 %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}{{ x }}", "21");
        assertRenders("{% set x = 1 %}{% macro m() %}{{ x }}{% set x = 2 %}{{ x }}{% endmacro %}{{ m() }}{{ x }}", "121");
        assertRenders("{% for x in [1, 2] %}{% macro m() %}{{ x }}{% endmacro %}{{ m() }}{% endfor %}", "12");
    }

    @Test
    void namespacesCarryValuesOutOfLoops() {
        assertRenders("{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}"
                + "{% endfor %}{{ ns.total }}", "6");
        assertRenders("{% set ns = namespace(a=[]) %}{% for i in [1, 2] %}{% do ns.a.append(i) %}{% endfor %}{{ ns.a }}",
                "[1, 2]");
        JinjaTesting.assertFails("{% set x = 5 %}{% set x.y = 1 %}", "TemplateRuntimeError",
                "cannot assign attribute on non-namespace object");
    }

    @Test
    void tupleUnpacking() {
        assertRenders("{% set a, b = 1, 2 %}{{ a }}{{ b }}|{% for k, v in [(1, 2), (3, 4)] %}{{ k }}{{ v }}{% endfor %}",
                "12|1234");
        assertRenders("{% for (a, b), c in [((1, 2), 3)] %}{{ a }}{{ b }}{{ c }}{% endfor %}", "123");
        JinjaTesting.assertFails("{% set a, b = [1] %}", "ValueError", "not enough values to unpack (expected 2, got 1)");
        JinjaTesting.assertFails("{% set a, b = [1, 2, 3] %}", "ValueError", "too many values to unpack (expected 2)");
        JinjaTesting.assertFails("{% set a, b = 1 %}", "TypeError", "cannot unpack non-iterable int object");
    }

    @Test
    void aNameTheTopLevelAssignsIsUndefinedUntilAssignedEvenWhereAGlobalHasIt() {
        Map<String, Object> globals = Map.of("num", 3L, "x", 5L);
        assertThat(render("{% macro m(x=num) %}{{ x }}{% endmacro %}[{{ m() }}]{% set num = 99 %}[{{ m() }}]", globals))
                .isEqualTo("[][99]");
        assertThat(render("{% for i in [1] %}[{{ x }}]{% endfor %}{% set x = 1 %}{{ x }}", globals)).isEqualTo("[]1");
        assertThat(render("{% macro m() %}[{{ x }}]{% endmacro %}{{ m() }}{% set x = 1 %}{{ m() }}", globals)).isEqualTo("[][1]");
        // read before the assignment at the same level, or assigned only inside an if: the global shows through
        assertThat(render("{{ x }}{% set x = 1 %}{{ x }}", globals)).isEqualTo("51");
        assertThat(render("{% if false %}{% set x = 1 %}{% endif %}{{ x }}", globals)).isEqualTo("5");
        assertThat(render("{% set x = x + 1 %}{{ x }}", globals)).isEqualTo("6");
    }

    @Test
    void loopBodiesStartNamesTheyAssignUndefined() {
        Map<String, Object> globals = Map.of("y", 7L);
        assertThat(render("{% for i in [1, 2] %}{% for j in [1] %}[{{ y }}]{% endfor %}{% set y = i %}{% endfor %}", globals))
                .isEqualTo("[][]");
        assertThat(render("{% for i in [1, 2] %}{% for j in [1] %}[{{ y }}]{% endfor %}{% set y = i %}{% endfor %}{{ y }}",
                globals)).isEqualTo("[7][7]7");
    }

    @Test
    void blocksAndSelf() {
        assertRenders("{% block title %}T{% endblock %}|{{ self.title() }}|{{ self }}", "T|T|<TemplateReference None>");
        assertRenders("{% set x = 1 %}{% for i in [2] %}{% block b %}{{ x }}{{ i }}{% endblock %}{% endfor %}", "1");
        assertRenders("{% for i in [2] %}{% block b scoped %}{{ i }}{% endblock %}{% endfor %}", "2");
        JinjaTesting.assertFailsAt("{% block b %}1{% endblock %}\n{% block b %}2{% endblock %}", "TemplateAssertionError",
                "block 'b' defined twice", 2);
    }

    @Test
    void renderVariablesShadowEnvironmentGlobals() {
        Environment env = JinjaTesting.environment(Environment.builder().global("who", "env"));
        assertThat(env.parse("{{ who }}").render(Map.of())).isEqualTo("env");
        assertThat(env.parse("{{ who }}").render(Map.of("who", "render"))).isEqualTo("render");
        assertThat(env.parse("{% set who = 'local' %}{{ who }}").render(Map.of("who", "render"))).isEqualTo("local");
    }
}

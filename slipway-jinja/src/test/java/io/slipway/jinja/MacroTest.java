package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import static io.slipway.jinja.JinjaTesting.assertFails;
import static io.slipway.jinja.JinjaTesting.assertRenders;
import static io.slipway.jinja.JinjaTesting.failure;
import static org.assertj.core.api.Assertions.assertThat;

class MacroTest {

    @Test
    void argumentsDefaultsAndKeywords() {
        assertRenders("{% macro m(a, b=none, c='z') %}{{ a }}|{{ b }}|{{ c }}{% endmacro %}{{ m(1) }} {{ m(1, 2) }} {{ m(1, c=3) }}",
                "1|None|z 1|2|z 1|None|3");
        assertRenders("{% macro m(a, b=a, c=b + 1) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(0) }} {{ m(0, 5) }} {{ m(c=0, a=9) }}",
                "001 056 990");
        assertRenders("{% macro m(order_by='count(*) desc', r={'a': 1, 'b': 2}) %}[{{ order_by }}][{{ r.b }}]{% endmacro %}{{ m() }}",
                "[count(*) desc][2]");
        assertRenders("{% macro m(a, b) %}[{{ a }}][{{ b }}]{% endmacro %}{{ m(1) }}", "[1][]");
    }

    @Test
    void varargsAndKwargsAreCollectedWhenTheBodyUsesThem() {
        assertRenders("{% macro m(a) %}{{ a }}|{{ varargs }}|{{ kwargs }}{% endmacro %}{{ m(1, 2, 3, x=4) }}",
                "1|(2, 3)|{'x': 4}");
        assertRenders("{% macro m() %}{{ varargs }}{% endmacro %}{{ m() }}|{{ m.catch_varargs }}{{ m.catch_kwargs }}", "()|TrueFalse");
    }

    @Test
    void bindingErrorsUseJinja2Wording() {
        assertFails("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", "TypeError", "macro 'm' takes not more than 1 argument(s)");
        assertFails("{% macro m(a) %}{% endmacro %}{{ m(1, b=2) }}", "TypeError", "macro 'm' takes no keyword argument 'b'");
        assertFails("{% macro m(a, b) %}{% endmacro %}{{ m(1, 2, b=3) }}", "TypeError", "macro 'm' takes no keyword argument 'b'");
        assertFails("{% macro f() %}{% endmacro %}{% call f() %}x{% endcall %}", "TypeError",
                "macro 'f' was invoked with two values for the special caller argument. This is most likely a bug.");
    }

    @Test
    void macroAttributesAndMacrosAsValues() {
        assertRenders("{% macro m(a, b) %}{% endmacro %}{{ m.name }}|{{ m.arguments }}|{{ m }}|{{ m.caller }}",
                "m|('a', 'b')|<Macro 'm'>|False");
        assertRenders("{% macro m(x) %}<{{ x }}>{% endmacro %}{% set f = m %}{{ f('y') }}", "<y>");
        assertRenders("{% macro m() %}{% endmacro %}{{ m() == '' }}", "True");
    }

    @Test
    void callBlocks() {
        assertRenders("{% macro wrap(tag) %}<{{ tag }}>{{ caller() }}</{{ tag }}>{% endmacro %}"
                + "{% call wrap('b') %}inner{% endcall %}", "<b>inner</b>");
        assertRenders("{% macro each(xs) %}{% for x in xs %}{{ caller(x) }}{% endfor %}{% endmacro %}"
                + "{% call(item) each(['a', 'b']) %}[{{ item }}]{% endcall %}", "[a][b]");
        assertRenders("{% macro m() %}{{ caller(1) }}{% endmacro %}{% call(a, b=5) m() %}{{ a }}{{ b }}{% endcall %}", "15");
        assertRenders("{% macro m() %}{{ caller.name }}|{{ caller }}{% endmacro %}{% call m() %}{% endcall %}",
                "None|<Macro anonymous>");
        assertRenders("{% macro m() %}[{{ caller }}]{% endmacro %}{{ m() }}", "[]");
    }

    @Test
    void recursion() {
        assertRenders("{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}"
                + "{{ fact(5) }}", "120");
    }

    @Test
    void unboundedRecursionFailsCleanly() {
        JinjaException e = failure("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}");
        assertThat(e.pythonType()).isEqualTo("RecursionError");
        assertThat(e.pythonMessage()).startsWith("maximum recursion depth exceeded");
    }

    @Test
    void dbtReturnEndsTheInnermostMacroWithAnyValue() {
        assertRenders("{% macro m() %}ignored{{ return(42) }}{% endmacro %}{{ m() + 1 }}", "43");
        assertRenders("{% macro cols() %}{{ return(['a', 'b']) }}{% endmacro %}{{ cols()|length }} {{ cols()|join }}", "2 ab");
        assertRenders("{% macro m(x) %}{% if x > 1 %}{% do return('big') %}{% endif %}small{% endmacro %}{{ m(2) }} {{ m(1) }}",
                "big small");
        assertRenders("{% macro m() %}{% for x in [1, 2] %}{% if x == 2 %}{{ return('r' ~ x) }}{% endif %}{% endfor %}"
                + "{% endmacro %}[{{ m() }}]", "[r2]");
        assertRenders("{% macro m() %}{% set v %}{{ return(5) }}{% endset %}after{% endmacro %}{{ m() + 1 }}", "6");
        assertRenders("{% macro inner() %}{{ return('in') }}{% endmacro %}{% macro outer() %}{{ inner() }}-out{% endmacro %}"
                + "{{ outer() }}", "in-out");
    }

    @Test
    void returnUnwindsThroughEveryKindOfBlock() {
        assertRenders("{% macro m() %}{% with a = 1 %}{% filter upper %}{% for x in [1] %}{% if true %}"
                + "{% do return(a + x) %}{% endif %}{% endfor %}{% endfilter %}{% endwith %}no{% endmacro %}{{ m() }}", "2");
        assertRenders("{% macro m() %}{% for x in [[1, [2]]] recursive %}{% if x is iterable %}{{ loop(x) }}"
                + "{% else %}{{ return(x) }}{% endif %}{% endfor %}{% endmacro %}{{ m() }}", "1");
        assertRenders("{% macro m() %}{{ 'a' ~ return('inside an expression') }}{% endmacro %}{{ m() }}",
                "inside an expression");
        assertRenders("{% macro w() %}[{{ caller() }}]{% endmacro %}{% macro m() %}{% call w() %}{{ return(7) }}{% endcall %}"
                + "after{% endmacro %}{{ m() }}", "[7]after");
    }
}

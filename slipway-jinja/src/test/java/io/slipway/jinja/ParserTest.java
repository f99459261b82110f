package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import static io.slipway.jinja.JinjaTesting.assertFails;
import static io.slipway.jinja.JinjaTesting.assertFailsAt;
import static io.slipway.jinja.JinjaTesting.assertRenders;

class ParserTest {

    @Test
    void precedenceFollowsJinja2() {
        assertRenders("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2 ** 3 ** 2 }} {{ -2 ** 2 }} {{ 2 ** -1 }}", "7 9 64 4 0.5");
        assertRenders("{{ 2 * 3 ~ 4 }} {{ not 1 == 2 }} {{ 1 if 0 else 2 if 0 else 3 }}", "64 True 3");
        assertFails("{{ 1 ~ 2 + 3 }}", "TypeError", "can only concatenate str (not \"int\") to str");
        assertRenders("{{ 7 // 2 }} {{ 7 / 2 }} {{ -7 // 2 }} {{ 7 % 3 }}", "3 3.5 -4 1");
    }

    @Test
    void chainedComparisonsAndMembership() {
        assertRenders("{{ 1 < 3 < 5 }} {{ 1 < 3 < 2 }} {{ 2 in [1, 2] }} {{ 'x' not in 'abc' }}", "True False True True");
    }

    @Test
    void andOrReturnOperands() {
        assertRenders("{{ true and none }} {{ none or 'dflt' }} {{ 0 or '' }}|{{ [] and 1 }}", "None dflt |[]");
    }

    @Test
    void literals() {
        assertRenders("{{ [1, 'a', none, true, 2.5, (1,), {'k': [1]}] }}", "[1, 'a', None, True, 2.5, (1,), {'k': [1]}]");
        assertRenders("{{ {'a': 1, 'b': 2,} }}{{ [1, 2,] }}{{ (1, 2,) }}{{ () }}", "{'a': 1, 'b': 2}[1, 2](1, 2)()");
        assertRenders("{% set k = 'dyn' %}{{ {k: 1, 'lit': 2, 1 + 1: 3} }}", "{'dyn': 1, 'lit': 2, 2: 3}");
        assertRenders("{{ True }} {{ false }} {{ None }} {{ none }}", "True False None None");
    }

    @Test
    void subscriptsSlicesAndAttributes() {
        assertRenders("{% set l = [1, 2, 3, 4] %}{{ l[1:] }}{{ l[:2] }}{{ l[::-1] }}{{ l[-1] }}{{ l[1::2] }}{{ l.0 }}",
                "[2, 3, 4][1, 2][4, 3, 2, 1]4[2, 4]1");
        assertRenders("{{ 'abcdef'[1:4] }} {{ 'abc'[1] }}", "bcd b");
    }

    @Test
    void callsWithEveryKindOfArgument() {
        assertRenders("{% macro m(a, b=2) %}{{ a }}-{{ b }}{% endmacro %}{{ m(1, b=3) }} {{ m(*[4, 5]) }} {{ m(**{'a': 6}) }}"
                + " {{ m(7, **{'b': 8}) }} {{ m(9,) }}", "1-3 4-5 6-2 7-8 9-2");
    }

    @Test
    void callingTheResultOfACall() {
        assertRenders("{% macro inner(x) %}<{{ x }}>{% endmacro %}{% macro outer() %}{{ return(inner) }}{% endmacro %}"
                + "{{ outer()('a') }}", "<a>");
    }

    @Test
    void testsWithAndWithoutArguments() {
        assertRenders("{% set x = 3 %}{{ x is none }} {{ x is not none }} {{ x is sameas(3) }} {{ x is sameas 3 }}",
                "False True True True");
    }

    @Test
    void statementErrorsNameTheBlockToClose() {
        assertFailsAt("{% foo %}", "TemplateSyntaxError", "Encountered unknown tag 'foo'.", 1);
        assertFailsAt("{% for x in y %}\n{% endif %}", "TemplateSyntaxError", "Encountered unknown tag 'endif'. Jinja was "
                + "looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.", 2);
        assertFailsAt("{% if x %}{% for x in y %}{% endif %}", "TemplateSyntaxError", "Encountered unknown tag 'endif'. You "
                + "probably made a nesting mistake. Jinja is expecting this tag, but currently looking for 'endfor' or "
                + "'else'. The innermost block that needs to be closed is 'for'.", 1);
        assertFailsAt("{% for x in y %}\nabc\n", "TemplateSyntaxError", "Unexpected end of template. Jinja was looking for "
                + "the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for'.", 1);
        assertFailsAt("{% endfor %}", "TemplateSyntaxError", "Encountered unknown tag 'endfor'.", 1);
    }

    @Test
    void expressionErrors() {
        assertFailsAt("{{ 1 +}}", "TemplateSyntaxError", "unexpected 'end of print statement'", 1);
        assertFailsAt("\n{% set %}", "TemplateSyntaxError", "Expected an expression, got 'end of statement block'", 2);
        assertFailsAt("{{ x y }}", "TemplateSyntaxError", "expected token 'end of print statement', got 'y'", 1);
        assertFailsAt("{{ x.1a }}", "TemplateSyntaxError", "expected token 'end of print statement', got 'a'", 1);
        assertFailsAt("{% macro m(a=1, b) %}{% endmacro %}", "TemplateSyntaxError",
                "non-default argument follows default argument", 1);
        assertFailsAt("{% call x %}{% endcall %}", "TemplateSyntaxError", "expected call", 1);
        assertFailsAt("{% set 1 = 2 %}", "TemplateSyntaxError", "can't assign to 'const'", 1);
        assertFailsAt("{{ f(a=1, 2) }}", "TemplateSyntaxError", "invalid syntax for function call expression", 1);
        assertFailsAt("{{ x is defined is defined }}", "TemplateSyntaxError", "You cannot chain multiple tests with is", 1);
        assertFailsAt("{% block foo-bar %}{% endblock %}", "TemplateSyntaxError", "Block names in Jinja have to be valid "
                + "Python identifiers and may not contain hyphens, use an underscore instead.", 1);
    }

    @Test
    void unknownFiltersFailAtParseTimeOutsideIf() {
        assertFailsAt("\n{{ x|nofilter }}", "TemplateAssertionError", "No filter named 'nofilter'.", 2);
        assertFailsAt("{% macro m() %}{{ x is notest }}{% endmacro %}", "TemplateAssertionError", "No test named 'notest'.", 1);
        assertRenders("{% if false %}{{ x|nofilter }}{% endif %}ok", "ok");
        assertFails("{% if true %}{{ x|nofilter }}{% endif %}", "TemplateRuntimeError", "No filter named 'nofilter' found.");
        assertFails("{{ 1 if false else x|nofilter }}", "TemplateRuntimeError", "No filter named 'nofilter' found.");
    }

    @Test
    void loopVariableAndLoopControlsAreChecked() {
        assertFailsAt("{% for loop in [1] %}{% endfor %}", "TemplateAssertionError",
                "Can't assign to special loop variable in for-loop target", 1);
        assertFailsAt("{% for x in [1] %}{% set loop = 1 %}{% endfor %}", "TemplateAssertionError",
                "Can't assign to special loop variable in for-loop target", 1);
    }

    @Test
    void templatesThatNeedALoader() {
        assertFails("{% include 'x.sql' %}", "TypeError", "no loader for this environment specified");
        assertFails("{% from 'x' import a, b as c %}", "TypeError", "no loader for this environment specified");
        assertFailsAt("{% from 'x' import _a %}", "TemplateAssertionError", "names starting with an underline can not be imported", 1);
    }
}

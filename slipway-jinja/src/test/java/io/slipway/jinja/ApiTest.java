package io.slipway.jinja;

import io.slipway.jinja.runtime.Py;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.slipway.jinja.JinjaTesting.ENV;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a host (slipway-core) drives the engine: globals, host functions and objects, bound macros, modules. */
class ApiTest {

    @Test
    void hostFunctionsReceiveArgumentsAndTheCallSite() {
        List<String> seen = new ArrayList<>();
        JinjaCallable ref = (context, args) -> {
            seen.add(context.templateName() + ":" + context.line() + ":" + context.resolve("schema"));
            return "\"db\".\"" + args.get(1, "schema", "analytics") + "\".\"" + args.get(0, "name", null) + "\"";
        };
        Environment env = Environment.builder().global("ref", ref).build();
        String out = env.parse("{% set schema = 'local' %}\nselect * from {{ ref('orders') }} join {{ ref(name='x', schema='s') }}",
                "model.sql").render(Map.of());
        assertThat(out).isEqualTo("\nselect * from \"db\".\"analytics\".\"orders\" join \"db\".\"s\".\"x\"");
        assertThat(seen).containsExactly("model.sql:2:local", "model.sql:2:local");
    }

    @Test
    void globalsAreResolvedLazily() {
        List<String> asked = new ArrayList<>();
        Globals lazy = name -> {
            asked.add(name);
            return name.equals("who") ? "world" : Globals.MISSING;
        };
        assertThat(ENV.parse("hello {{ who }}{{ nobody }}").render(lazy)).isEqualTo("hello world");
        assertThat(asked).containsExactly("who", "nobody");
    }

    @Test
    void hostFiltersAndTests() {
        Environment env = Environment.builder()
                .filter("shout", (context, value, args) -> Py.str(value).toUpperCase() + args.get(0, "suffix", "!"))
                .test("sql", (context, value, args) -> Py.str(value).startsWith("select"))
                .build();
        assertThat(env.parse("{{ 'hi'|shout }} {{ 'hi'|shout('?') }} {{ 'select 1' is sql }}").render(Map.of()))
                .isEqualTo("HI! HI? True");
        assertThat(env.filter("shout")).isNotNull();
        assertThat(env.test("sql")).isNotNull();
    }

    @Test
    void namespacedCallsThroughHostObjectsAndModules() {
        TemplateModule utils = ENV.parse("{% macro star(cols) %}{{ cols|join(', ') }}{% endmacro %}{% set version = 2 %}",
                "dbt_utils").module(Globals.empty());
        assertThat(utils.exports()).containsOnlyKeys("star", "version");
        PyObject adapter = name -> name.equals("quote")
                ? (JinjaCallable) (context, args) -> "\"" + args.positional().get(0) + "\"" : PyObject.MISSING;
        Map<String, Object> vars = Map.of("dbt_utils", utils, "adapter", adapter);
        assertThat(ENV.parse("{{ dbt_utils.star(['a', 'b']) }} v{{ dbt_utils.version }} {{ adapter.quote('c') }}").render(vars))
                .isEqualTo("a, b v2 \"c\"");
    }

    @Test
    void moduleRunsTheTopLevelOnce() {
        TemplateModule m = ENV.parse("text {% set _private = 1 %}{% set x = 2 %}{% macro f() %}{{ x }}{% endmacro %}")
                .module(Globals.empty());
        assertThat(m.output()).isEqualTo("text ");
        assertThat(m.exports().keySet()).containsExactly("x", "f");
        assertThat(((Macro) m.exports().get("f")).invoke(List.of(), Map.of())).isEqualTo("2");
    }

    @Test
    void boundMacrosResolveFreeNamesAgainstTheirGlobals() {
        MacroDefinition def = ENV.parse("{% macro cents_to_dollars(col, scale=2) %}({{ col }} / 100)::numeric(16, {{ scale }})"
                + " -- {{ target }}{% endmacro %}").macros().get(0);
        Macro dev = def.bind(Globals.of(Map.of("target", "dev")));
        Macro prod = def.bind(Globals.of(Map.of("target", "prod")));
        assertThat(dev.invoke(List.of("amount"), Map.of())).isEqualTo("(amount / 100)::numeric(16, 2) -- dev");
        assertThat(prod.invoke(List.of(), Map.of("col", "x", "scale", 3L))).isEqualTo("(x / 100)::numeric(16, 3) -- prod");
        assertThat(dev.definition()).isSameAs(def);
        assertThat(Py.str(dev)).isEqualTo("<Macro 'cents_to_dollars'>");
        assertThat(dev.getAttr("name")).isEqualTo("cents_to_dollars");
    }

    @Test
    void boundMacrosCallEachOtherThroughGlobals() {
        Template lib = ENV.parse("{% macro a() %}a{{ b() }}{% endmacro %}{% macro b() %}{{ return([1, 2]) }}{% endmacro %}");
        Map<String, Object> context = new LinkedHashMap<>();
        Globals globals = Globals.of(context);
        for (MacroDefinition def : lib.macros()) {
            context.put(def.name(), def.bind(globals));
        }
        assertThat(ENV.parse("{{ a() }} {{ b()|length }}").render(globals)).isEqualTo("a[1, 2] 2");
        assertThat(((Macro) context.get("b")).invoke(List.of(), Map.of())).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void macrosAreCallableFromHostFunctions() {
        JinjaCallable twice = (context, args) -> {
            JinjaCallable f = (JinjaCallable) args.positional().get(0);
            return Py.str(f.call(context, Arguments.positional("x"))) + Py.str(f.call(context, Arguments.positional("y")));
        };
        Environment env = Environment.builder().global("twice", twice).build();
        assertThat(env.parse("{% macro m(v) %}<{{ v }}>{% endmacro %}{{ twice(m) }}").render(Map.of())).isEqualTo("<x><y>");
    }

    @Test
    void errorsFromHostCodeGetTheTemplateLocation() {
        Environment env = Environment.builder().global("fail", (JinjaCallable) (context, args) -> {
            throw JinjaException.python("CompilationError", "boom");
        }).build();
        JinjaException e = catchThrowableOfType(JinjaException.class,
                () -> env.parse("a\n{% if true %}\n  {{ fail() }}\n{% endif %}", "m.sql").render(Map.of()));
        assertThat(e.pythonType()).isEqualTo("CompilationError");
        assertThat(e.pythonMessage()).isEqualTo("boom");
        assertThat(e.templateName()).isEqualTo("m.sql");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.excerpt()).isEqualTo("{{ fail() }}");
    }

    @Test
    void syntaxErrorsCarryTheTemplateNameAndLine() {
        JinjaException e = catchThrowableOfType(JinjaException.class, () -> ENV.parse("ok\n{% if x %}\n{% endfor %}", "bad.sql"));
        assertThat(e.pythonType()).isEqualTo("TemplateSyntaxError");
        assertThat(e.templateName()).isEqualTo("bad.sql");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.excerpt()).isEqualTo("{% endfor %}");
    }
}

package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.slipway.jinja.JinjaTesting.ENV;
import static io.slipway.jinja.JinjaTesting.assertFails;
import static io.slipway.jinja.JinjaTesting.assertFailsAt;
import static io.slipway.jinja.JinjaTesting.assertRenders;
import static org.assertj.core.api.Assertions.assertThat;

/** dbt's block tags, defined through the public {@link BlockTag} API by {@code testing.DbtTestTags}. */
class BlockTagTest {

    @Test
    void materializationDefinesANamedMacroWithSupportedLanguages() {
        assertRenders("{% materialization table, adapter='duckdb' %}body{% endmaterialization %}"
                + "{{ materialization_table_duckdb() }}|{{ materialization_table_duckdb.arguments }}",
                "body|('supported_languages',)");
        assertRenders("{% materialization view, default %}{{ supported_languages }}{% endmaterialization %}"
                + "{{ materialization_view_default() }}", "['sql']");
        assertRenders("{% materialization m, supported_languages=['sql', 'python'] %}{{ supported_languages }}"
                + "{% endmaterialization %}{{ materialization_m_default() }}", "['sql', 'python']");
        assertFails("{% materialization x, foo=1 %}{% endmaterialization %}", "MaterializationArgError",
                "materialization 'x' received unknown argument 'foo'.");
    }

    @Test
    void testDocsAndSnapshotTags() {
        assertRenders("{% test not_null(model, column_name='id') %}{{ model }}.{{ column_name }}{% endtest %}"
                + "{{ test_not_null('m') }}", "m.id");
        assertRenders("{% docs d %}hello{% enddocs %}{{ docs_d() }}", "hello");
        assertRenders("{% snapshot s %}select 1{% endsnapshot %}{{ snapshot_s() }}", "select 1");
        assertFailsAt("{% docs d %}hello", "TemplateSyntaxError", "Unexpected end of template. Jinja was looking for the "
                + "following tags: 'enddocs'. The innermost block that needs to be closed is 'docs'.", 1);
    }

    @Test
    void templateListsTopLevelMacrosWithoutRendering() {
        Template t = ENV.parse("{% macro a(x, y=1) %}{% endmacro %}\n{% if true %}{% macro hidden() %}{% endmacro %}{% endif %}"
                + "\n{% materialization table, adapter='duckdb' %}{% endmaterialization %}\n{% test unique(model) %}{% endtest %}",
                "macros.sql");
        assertThat(t.macros()).extracting(MacroDefinition::name)
                .containsExactly("a", "materialization_table_duckdb", "test_unique");
        MacroDefinition a = t.macros().get(0);
        assertThat(a.parameters()).containsExactly("x", "y");
        assertThat(a.templateName()).isEqualTo("macros.sql");
        assertThat(a.line()).isEqualTo(1);
        assertThat(t.macros().get(1).parameters()).containsExactly("supported_languages");
        assertThat(t.macros().get(2).line()).isEqualTo(4);
    }

    @Test
    void boundTagMacroRunsWithHostGlobals() {
        Template t = ENV.parse("{% materialization table, default %}create {{ this }} as {{ sql }}{% endmaterialization %}");
        Macro m = t.macros().get(0).bind(Globals.of(Map.of("this", "db.t", "sql", "select 1")));
        assertThat(m.invoke(List.of(), Map.of())).isEqualTo("create db.t as select 1");
    }
}

{#-
  Unit tests (dbt 1.8): each input of the tested model becomes a CTE of fixture rows, cast to the types of the
  relation it stands for; the model's result and the expected rows (cast to the result's types) come back in
  one query, told apart by an "actual_or_expected" column, and are compared by the engine.
-#}

{% macro get_fixture_sql(rows, column_name_to_data_types) %}
-- Fixture for {{ model.name }}
{%- set column_name_to_quoted = {} -%}
{%- if not column_name_to_data_types -%}
  {#- the input's relation gives the types; under --defer, production's when this target lacks it -#}
  {%- set typed_by = defer_relation if (defer_relation and not load_relation(this)) else this -%}
  {%- set column_name_to_data_types = {} -%}
  {%- for column in adapter.get_columns_in_relation(typed_by) -%}
    {%- do column_name_to_data_types.update({column.name | lower: column.data_type}) -%}
    {%- do column_name_to_quoted.update({column.name | lower: column.quoted}) -%}
  {%- endfor -%}
{%- else -%}
  {%- for name in column_name_to_data_types -%}
    {%- do column_name_to_quoted.update({name: adapter.quote(name)}) -%}
  {%- endfor -%}
{%- endif -%}
{%- if not column_name_to_data_types -%}
  {{ exceptions.raise_compiler_error("Not able to get columns for unit test '" ~ model.name ~ "' from relation " ~ this ~ " because the relation doesn't exist") }}
{%- endif -%}
{%- set null_row = {} -%}
{%- for name, data_type in column_name_to_data_types.items() -%}
  {%- do null_row.update({name: safe_cast("null", data_type) | trim}) -%}
{%- endfor -%}
{%- for row in rows %}
{%- set values = null_row.copy() -%}
{%- do values.update(format_row(row, column_name_to_data_types)) %}
select
{%- for name, value in values.items() %} {{ value }} as {{ column_name_to_quoted[name] }}{% if not loop.last %},{% endif %}
{%- endfor %}
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor -%}
{%- if (rows | length) == 0 %}
select
{%- for name, value in null_row.items() %} {{ value }} as {{ column_name_to_quoted[name] }}{% if not loop.last %},{% endif %}
{%- endfor %}
limit 0
{%- endif -%}
{% endmacro %}

{% macro get_expected_sql(rows, column_name_to_data_types, column_name_to_quoted=none) %}
{%- if (rows | length) == 0 -%}
  select * from dbt_internal_unit_test_actual
  limit 0
{%- else -%}
{%- for row in rows -%}
{%- set values = format_row(row, column_name_to_data_types) %}
select
{%- for name, value in values.items() %} {{ value }} as {{ column_name_to_quoted[name] if column_name_to_quoted else adapter.quote(name) }}{% if not loop.last %},{% endif %}
{%- endfor %}
{%- if not loop.last %}
union all
{%- endif %}
{%- endfor -%}
{%- endif -%}
{% endmacro %}

{#- A fixture row as SQL literals cast to the relation's types, by lower-cased column name. -#}
{%- macro format_row(row, column_name_to_data_types) -%}
  {%- set formatted = {} -%}
  {%- for column_name, column_value in row.items() -%}
    {%- set name = column_name | lower -%}
    {%- if name not in column_name_to_data_types -%}
      {%- set fixture_name = "expected output" if model.resource_type == 'unit_test' else ("'" ~ model.name ~ "'") -%}
      {{ exceptions.raise_compiler_error("Invalid column name: '" ~ name ~ "' in unit test fixture for " ~ fixture_name ~ "."
          ~ "\nAccepted columns for " ~ fixture_name ~ " are: " ~ (column_name_to_data_types.keys() | list)) }}
    {%- endif -%}
    {%- set data_type = column_name_to_data_types[name] -%}
    {#- a string keeps its length: no silent truncation by a varchar(n) cast -#}
    {%- if column_value is string and 'varying' in data_type -%}
      {%- set data_type = data_type.split('(')[0] -%}
    {%- endif -%}
    {%- if column_value is string -%}
      {%- set literal = dbt.string_literal(dbt.escape_single_quotes(column_value)) -%}
    {%- elif column_value is none -%}
      {%- set literal = 'null' -%}
    {%- else -%}
      {%- set literal = column_value -%}
    {%- endif -%}
    {%- do formatted.update({name: safe_cast(literal, data_type)}) -%}
  {%- endfor -%}
  {{ return(formatted) }}
{%- endmacro -%}

{% macro get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) -%}
  {{ adapter.dispatch('get_unit_test_sql', 'dbt')(main_sql, expected_fixture_sql, expected_column_names) }}
{%- endmacro %}

{% macro default__get_unit_test_sql(main_sql, expected_fixture_sql, expected_column_names) -%}
-- the model's result given the fixtures
with dbt_internal_unit_test_actual as (
  select
    {% for column in expected_column_names %}{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}, {{ dbt.string_literal("actual") }} as {{ adapter.quote("actual_or_expected") }}
  from (
    {{ main_sql }}
  ) _dbt_internal_unit_test_actual
),
-- the rows expected
dbt_internal_unit_test_expected as (
  select
    {% for column in expected_column_names %}{{ column }}{% if not loop.last %}, {% endif %}{% endfor %}, {{ dbt.string_literal("expected") }} as {{ adapter.quote("actual_or_expected") }}
  from (
    {{ expected_fixture_sql }}
  ) _dbt_internal_unit_test_expected
)
select * from dbt_internal_unit_test_actual
union all
select * from dbt_internal_unit_test_expected
{%- endmacro %}

{%- materialization unit, default -%}
  {%- set expected_rows = config.get('expected_rows') -%}
  {%- set expected_sql = config.get('expected_sql') -%}
  {%- set sql_header = tested_node_config.get('sql_header', none) if tested_node_config is defined else none -%}
  {#- the result's column types, from the query itself: no relation is created -#}
  {%- set result_columns = get_column_schema_from_query(sql, sql_header) -%}
  {%- set expected_column_names = (expected_rows[0].keys() | list) if (expected_rows | length) > 0 else (result_columns | map(attribute='name') | list) -%}
  {%- set column_name_to_data_types = {} -%}
  {%- set column_name_to_quoted = {} -%}
  {%- for column in result_columns -%}
    {%- do column_name_to_data_types.update({column.name | lower: column.data_type}) -%}
    {%- do column_name_to_quoted.update({column.name | lower: column.quoted}) -%}
  {%- endfor -%}
  {%- if not expected_sql -%}
    {%- set expected_sql = get_expected_sql(expected_rows, column_name_to_data_types, column_name_to_quoted) -%}
  {%- endif -%}
  {%- call statement('main', fetch_result=True) -%}
    {{ sql_header if sql_header is not none }}
    {{ get_unit_test_sql(sql, expected_sql, expected_column_names) }}
  {%- endcall -%}
  {{ return({'relations': []}) }}
{%- endmaterialization -%}

{#- Cross-database helpers the fixtures use (dbt's dbt.string_literal, dbt.escape_single_quotes, dbt.safe_cast, dbt.cast). -#}
{% macro string_literal(value) -%}
  {{ return(adapter.dispatch('string_literal', 'dbt')(value)) }}
{%- endmacro %}

{% macro default__string_literal(value) -%}
  '{{ value }}'
{%- endmacro %}

{% macro escape_single_quotes(expression) -%}
  {{ return(adapter.dispatch('escape_single_quotes', 'dbt')(expression)) }}
{%- endmacro %}

{% macro default__escape_single_quotes(expression) -%}
{{ expression | replace("'", "''") }}
{%- endmacro %}

{% macro safe_cast(field, type) -%}
  {{ return(adapter.dispatch('safe_cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__safe_cast(field, type) -%}
  cast({{ field }} as {{ type }})
{%- endmacro %}

{% macro cast(field, type) -%}
  {{ return(adapter.dispatch('cast', 'dbt')(field, type)) }}
{%- endmacro %}

{% macro default__cast(field, type) -%}
  cast({{ field }} as {{ type }})
{%- endmacro %}

{#- DuckDB's incremental models, as dbt-duckdb builds them (package dbt_duckdb). -#}

{#- With no strategy configured, rows are replaced by key (delete+insert); with no key that only inserts. -#}
{% macro duckdb__get_incremental_default_sql(arg_dict) -%}
  {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
{%- endmacro %}

{#- DuckDB changes a column's type in place; it refuses to for a column under a key or unique constraint. -#}
{% macro duckdb__alter_column_type(relation, column_name, new_column_type) -%}
  {% call statement('alter_column_type') -%}
    alter table {{ relation }} alter column {{ adapter.quote(column_name) }} set data type {{ new_column_type }}
  {%- endcall %}
{%- endmacro %}

{#- DuckDB alters one column per statement. -#}
{% macro duckdb__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
  {%- for column in add_columns or [] -%}
    {% do run_query('alter ' ~ relation.type ~ ' ' ~ relation ~ ' add column ' ~ column.quoted ~ ' ' ~ column.data_type) %}
  {%- endfor -%}
  {%- for column in remove_columns or [] -%}
    {% do run_query('alter ' ~ relation.type ~ ' ' ~ relation ~ ' drop column ' ~ column.quoted) %}
  {%- endfor -%}
{%- endmacro %}

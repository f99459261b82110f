{#- The SQL that creates relations, dispatched so an adapter can override each piece. -#}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {{ adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code, language) }}
{%- endmacro %}

{% macro default__create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none }}
  create {% if temporary %}temporary {% endif %}table {{ relation }}
  as (
    {{ compiled_code }}
  );
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
  {{ return(adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql)) }}
{%- endmacro %}

{% macro default__get_create_view_as_sql(relation, sql) -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
  {{ adapter.dispatch('create_view_as', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none }}
  create view {{ relation }} as (
    {{ sql }}
  );
{%- endmacro %}

{% macro get_create_index_sql(relation, index_dict) -%}
  {{ return('') }}
{%- endmacro %}

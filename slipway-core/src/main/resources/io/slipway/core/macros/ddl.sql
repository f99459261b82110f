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

{#- A contracted table (not a temporary one) is created with its declared columns and constraints, then filled. -#}
{% macro default__create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {%- set contract_config = config.get('contract') -%}
  {{ sql_header if sql_header is not none }}
  {%- if contract_config and contract_config.enforced and not temporary %}
  {{ get_assert_columns_equivalent(compiled_code) }}
  create table {{ relation }}
  {{ get_table_columns_and_constraints() }};
  insert into {{ relation }} ({{ get_column_names() }})
  (
    {{ get_select_subquery(compiled_code) }}
  );
  {%- else %}
  create {% if temporary %}temporary {% endif %}table {{ relation }}
  as (
    {{ compiled_code }}
  );
  {%- endif %}
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

{#- A view cannot hold constraints, but its columns still must match an enforced contract. -#}
{% macro default__create_view_as(relation, sql) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {%- set contract_config = config.get('contract') -%}
  {%- if contract_config and contract_config.enforced -%}
    {{ get_assert_columns_equivalent(sql) }}
  {%- endif %}
  {{ sql_header if sql_header is not none }}
  create view {{ relation }} as (
    {{ sql }}
  );
{%- endmacro %}

{% macro get_create_index_sql(relation, index_dict) -%}
  {{ return('') }}
{%- endmacro %}

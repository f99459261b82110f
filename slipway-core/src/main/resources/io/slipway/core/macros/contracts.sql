{#-
  Model contracts (contract: {enforced: true}): before a table or view is built, the columns its SQL returns
  must be exactly the declared ones, with the declared types as the warehouse names them. A contracted
  table is created with its typed columns and constraints, then filled.
-#}

{% macro get_assert_columns_equivalent(sql) -%}
  {{ adapter.dispatch('get_assert_columns_equivalent', 'dbt')(sql) }}
{%- endmacro %}

{% macro default__get_assert_columns_equivalent(sql) -%}
  {{ return(assert_columns_equivalent(sql)) }}
{%- endmacro %}

{#- Compares names, types and count of the SQL's columns with the contract's; any difference fails with a table of them. -#}
{% macro assert_columns_equivalent(sql) -%}
  {%- set contract_columns = model['columns'] -%}
  {%- if not contract_columns -%}
    {{ exceptions.raise_contract_error([], []) }}
  {%- endif -%}
  {%- set sql_columns = format_columns(get_column_schema_from_query(sql, config.get('sql_header', none))) -%}
  {%- set yaml_columns = format_columns(get_column_schema_from_query(get_empty_schema_sql(contract_columns))) -%}
  {%- if sql_columns | length != yaml_columns | length -%}
    {%- do exceptions.raise_contract_error(yaml_columns, sql_columns) -%}
  {%- endif -%}
  {%- for sql_column in sql_columns -%}
    {%- set declared = yaml_columns | selectattr('name', 'equalto', sql_column['name']) | list -%}
    {%- if not declared or declared[0]['formatted'] != sql_column['formatted'] -%}
      {%- do exceptions.raise_contract_error(yaml_columns, sql_columns) -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{% macro format_columns(columns) -%}
  {%- set formatted = [] -%}
  {%- for column in columns -%}
    {%- do formatted.append(adapter.dispatch('format_column', 'dbt')(column)) -%}
  {%- endfor -%}
  {{ return(formatted) }}
{%- endmacro %}

{% macro default__format_column(column) -%}
  {{ return({'name': column.name, 'data_type': column.dtype, 'formatted': column.name | lower ~ ' ' ~ column.dtype}) }}
{%- endmacro %}

{#- "(id integer not null, name varchar, ...)": the contract's columns with their types and constraints. -#}
{% macro get_table_columns_and_constraints() -%}
  {{ adapter.dispatch('get_table_columns_and_constraints', 'dbt')() }}
{%- endmacro %}

{% macro default__get_table_columns_and_constraints() -%}
  {{ return(table_columns_and_constraints()) }}
{%- endmacro %}

{% macro table_columns_and_constraints() -%}
  {%- set column_ddl = adapter.render_raw_columns_constraints(raw_columns=model['columns']) -%}
  {%- set model_ddl = adapter.render_raw_model_constraints(raw_constraints=model['constraints']) -%}
    (
    {%- for ddl in column_ddl + model_ddl %}
      {{ ddl }}{{ "," if not loop.last }}
    {%- endfor %}
    )
{%- endmacro %}

{#- The names of the contract's columns, in its order, for the insert that fills a contracted table. -#}
{% macro get_column_names() -%}
  {{ adapter.dispatch('get_column_names', 'dbt')() }}
{%- endmacro %}

{% macro default__get_column_names() -%}
  {%- for name in model['columns'] -%}
    {%- set column = model['columns'][name] -%}
    {{ adapter.quote(column['name']) if column.get('quote') else column['name'] }}{{ ", " if not loop.last }}
  {%- endfor -%}
{%- endmacro %}

{#- The model's rows with its columns in the contract's order. -#}
{% macro get_select_subquery(sql) -%}
  {{ return(adapter.dispatch('get_select_subquery', 'dbt')(sql)) }}
{%- endmacro %}

{% macro default__get_select_subquery(sql) -%}
    select {{ get_column_names() }}
    from (
        {{ sql }}
    ) as model_subq
{%- endmacro %}

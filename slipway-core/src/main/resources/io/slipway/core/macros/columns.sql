{#- Columns: reading them from relations and queries, comparing two sets of them, and changing a table's. -#}

{% macro get_columns_in_relation(relation) -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{% macro get_list_of_column_names(columns) -%}
  {{ return(columns | map(attribute='name') | list) }}
{%- endmacro %}

{#- A query with the same columns as select_sql and no rows, so its schema is known without scanning data. -#}
{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}

{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {%- if select_sql_header is not none -%}
    {{ select_sql_header }}
  {%- endif %}
    select * from (
        {{ select_sql }}
    ) as __dbt_sbq
    where false
    limit 0
{%- endmacro %}

{#- A query returning no rows whose columns are the contract's, typed as declared: the warehouse normalizes the type names. -#}
{% macro get_empty_schema_sql(columns) -%}
  {{ return(adapter.dispatch('get_empty_schema_sql', 'dbt')(columns)) }}
{%- endmacro %}

{% macro default__get_empty_schema_sql(columns) -%}
  {%- set untyped = [] -%}
  {%- for name in columns -%}
    {%- if columns[name]['data_type'] is none or columns[name]['data_type'] is not defined -%}
      {%- do untyped.append(columns[name]['name']) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if untyped | length > 0 -%}
    {{ exceptions.column_type_missing(column_names=untyped) }}
  {%- endif -%}
    select
  {%- for name in columns %}
      {%- set column = columns[name] %}
      cast(null as {{ column['data_type'] }}) as {{ adapter.quote(column['name']) if column.get('quote') else column['name'] }}{{ ", " if not loop.last }}
  {%- endfor %}
{%- endmacro %}

{% macro get_column_schema_from_query(select_sql, select_sql_header=none) -%}
  {{ return(adapter.get_column_schema_from_query(get_empty_subquery_sql(select_sql, select_sql_header))) }}
{%- endmacro %}

{% macro get_columns_in_query(select_sql) -%}
  {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}

{% macro default__get_columns_in_query(select_sql) -%}
  {{ return(get_column_schema_from_query(select_sql) | map(attribute='name') | list) }}
{%- endmacro %}

{#- Quoted names joined for a column list: "id", "name". -#}
{% macro get_quoted_csv(column_names) -%}
  {%- set quoted = [] -%}
  {%- for name in column_names -%}
    {%- do quoted.append(adapter.quote(name)) -%}
  {%- endfor -%}
  {{ return(quoted | join(', ')) }}
{%- endmacro %}

{#- The columns of source_columns whose name target_columns lacks. -#}
{% macro diff_columns(source_columns, target_columns) -%}
  {%- set target_names = target_columns | map(attribute='name') | list -%}
  {%- set missing = [] -%}
  {%- for column in source_columns -%}
    {%- if column.name not in target_names -%}
      {%- do missing.append(column) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(missing) }}
{%- endmacro %}

{#- The columns present on both sides whose type changed: [{'column_name': ..., 'new_type': ...}]. -#}
{% macro diff_column_data_types(source_columns, target_columns) -%}
  {%- set changed = [] -%}
  {%- for column in source_columns -%}
    {%- set target = target_columns | selectattr('name', 'equalto', column.name) | list | first -%}
    {%- if target and column.expanded_data_type != target.expanded_data_type and not column.can_expand_to(other_column=target) -%}
      {%- do changed.append({'column_name': target.name, 'new_type': column.expanded_data_type}) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(changed) }}
{%- endmacro %}

{% macro alter_column_type(relation, column_name, new_column_type) -%}
  {{ return(adapter.dispatch('alter_column_type', 'dbt')(relation, column_name, new_column_type)) }}
{%- endmacro %}

{#- A new column of the new type takes the values, then the name of the old one. -#}
{% macro default__alter_column_type(relation, column_name, new_column_type) -%}
  {%- set scratch = column_name ~ '__dbt_alter' -%}
  {% call statement('alter_column_type') -%}
    alter table {{ relation }} add column {{ adapter.quote(scratch) }} {{ new_column_type }};
    update {{ relation }} set {{ adapter.quote(scratch) }} = {{ adapter.quote(column_name) }};
    alter table {{ relation }} drop column {{ adapter.quote(column_name) }} cascade;
    alter table {{ relation }} rename column {{ adapter.quote(scratch) }} to {{ adapter.quote(column_name) }}
  {%- endcall %}
{%- endmacro %}

{% macro alter_relation_add_remove_columns(relation, add_columns=none, remove_columns=none) -%}
  {{ return(adapter.dispatch('alter_relation_add_remove_columns', 'dbt')(relation, add_columns, remove_columns)) }}
{%- endmacro %}

{% macro default__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
  {%- set changes = [] -%}
  {%- for column in add_columns or [] -%}
    {%- do changes.append('add column ' ~ column.quoted ~ ' ' ~ column.data_type) -%}
  {%- endfor -%}
  {%- for column in remove_columns or [] -%}
    {%- do changes.append('drop column ' ~ column.quoted) -%}
  {%- endfor -%}
  {%- if changes -%}
    {% do run_query('alter ' ~ relation.type ~ ' ' ~ relation ~ ' ' ~ changes | join(', ')) %}
  {%- endif -%}
{%- endmacro %}

{#- Snapshots add the source's new columns to their table. -#}
{% macro create_columns(relation, columns) -%}
  {{ adapter.dispatch('create_columns', 'dbt')(relation, columns) }}
{%- endmacro %}

{% macro default__create_columns(relation, columns) -%}
  {%- for column in columns -%}
    {% call statement() -%}
      alter table {{ relation }} add column {{ adapter.quote(column.name) }} {{ column.expanded_data_type }}
    {%- endcall %}
  {%- endfor -%}
{%- endmacro %}

{#- dbt's null-aware equality hook; plain equality, as dbt's default behaviour flag has it. -#}
{% macro equals(expr1, expr2) -%}
  {{ return(adapter.dispatch('equals', 'dbt')(expr1, expr2)) }}
{%- endmacro %}

{% macro default__equals(expr1, expr2) -%}
  {{ return('(' ~ expr1 ~ ' = ' ~ expr2 ~ ')') }}
{%- endmacro %}

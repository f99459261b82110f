{#- A project's own strategy, found by name as dbt finds it: incremental_strategy='even_ids'. -#}
{% macro get_incremental_even_ids_sql(arg_dict) -%}
  {%- set columns_csv = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    insert into {{ arg_dict['target_relation'] }} ({{ columns_csv }})
    select {{ columns_csv }} from {{ arg_dict['temp_relation'] }} where id % 2 = 0
{%- endmacro %}

{#- PostgreSQL's incremental models, as dbt-postgres builds them (package dbt_postgres). -#}

{#- With no strategy configured: delete+insert when the model has a unique_key, else append. -#}
{% macro postgres__get_incremental_default_sql(arg_dict) -%}
  {%- if arg_dict['unique_key'] -%}
    {{ return(get_incremental_delete_insert_sql(arg_dict)) }}
  {%- endif -%}
  {{ return(get_incremental_append_sql(arg_dict)) }}
{%- endmacro %}

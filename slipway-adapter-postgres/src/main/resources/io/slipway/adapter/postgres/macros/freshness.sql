{#- PostgreSQL's clock for source freshness (package dbt_postgres). -#}

{% macro postgres__current_timestamp() -%}
  now()
{%- endmacro %}

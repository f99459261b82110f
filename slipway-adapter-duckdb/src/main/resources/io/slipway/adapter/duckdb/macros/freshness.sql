{#- DuckDB's clock for source freshness (package dbt_duckdb). -#}

{% macro duckdb__current_timestamp() -%}
  now()
{%- endmacro %}

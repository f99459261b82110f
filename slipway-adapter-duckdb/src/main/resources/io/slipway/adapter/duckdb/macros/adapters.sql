{#- DuckDB's overrides of Slipway's default macros (package dbt_duckdb). -#}

{#- Temporary tables live in DuckDB's temp catalog: no database or schema in their name. -#}
{% macro duckdb__make_temp_relation(base_relation, suffix) -%}
  {%- set identifier = base_relation.identifier ~ suffix ~ modules.datetime.datetime.now().strftime('%H%M%S%f') -%}
  {{ return(base_relation.incorporate(path={'identifier': identifier, 'schema': none, 'database': none})) }}
{%- endmacro %}

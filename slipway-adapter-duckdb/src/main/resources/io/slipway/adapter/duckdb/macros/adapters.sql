{#- DuckDB's overrides of Slipway's default macros (package dbt_duckdb). -#}

{#- Temporary tables live in DuckDB's temp catalog: no database or schema in their name. -#}
{% macro duckdb__make_temp_relation(base_relation, suffix) -%}
  {%- set identifier = base_relation.identifier ~ suffix ~ modules.datetime.datetime.now().strftime('%H%M%S%f') -%}
  {{ return(base_relation.incorporate(path={'identifier': identifier, 'schema': none, 'database': none})) }}
{%- endmacro %}

{#- DuckDB has no roles or privileges: a grants config has nothing to apply -#}
{% macro duckdb__apply_grants(relation, grant_config, should_revoke=true) -%}
  {%- if grant_config -%}
    {{ log('DuckDB has no privileges to grant; the grants config of ' ~ relation ~ ' is not applied') }}
  {%- endif -%}
{%- endmacro %}

{#- docs generate: the warehouse's description of the project's relations, one row per column (dbt's get_catalog). -#}

{#-
  Returns a table with table_database, table_schema, table_name, table_type, table_comment, table_owner,
  column_name, column_index, column_type, column_comment, and optional stats:<id>:label|value|description|include
  columns. information_schema names the database; schemas are the schemas to describe.
-#}
{% macro get_catalog(information_schema, schemas) -%}
  {{ return(adapter.dispatch('get_catalog', 'dbt')(information_schema, schemas)) }}
{%- endmacro %}

{% macro default__get_catalog(information_schema, schemas) -%}
  {{ exceptions.raise_compiler_error('get_catalog not implemented for ' ~ adapter.type()) }}
{%- endmacro %}

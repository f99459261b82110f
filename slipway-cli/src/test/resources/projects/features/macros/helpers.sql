{% macro price_with_tax(column) -%}
  {{ return(adapter.dispatch('price_with_tax', 'features')(column)) }}
{%- endmacro %}

{% macro default__price_with_tax(column) -%}
  ({{ column }} * 1.2)
{%- endmacro %}

{% macro duckdb__price_with_tax(column) -%}
  round({{ column }} * 1.2, 2)
{%- endmacro %}

{% macro generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}

{% macro column_list(relation) -%}
  {%- set cols = adapter.get_columns_in_relation(relation) -%}
  {%- for col in cols %}{{ col.name }}{{ ', ' if not loop.last }}{% endfor -%}
{%- endmacro %}

{% macro outer_macro() -%}
  {{ inner_macro() }} + 1
{%- endmacro %}

{% macro inner_macro() -%}
  1
{%- endmacro %}

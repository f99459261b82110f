{#-
  persist_docs (config `persist_docs: {relation: true, columns: true}`): the model's description and its
  columns' descriptions become the warehouse's comments on the relation and its columns, after each build.
-#}

{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
  {{ return(adapter.dispatch('persist_docs', 'dbt')(relation, model, for_relation, for_columns)) }}
{%- endmacro %}

{% macro default__persist_docs(relation, model, for_relation, for_columns) -%}
  {%- set persist = config.get('persist_docs') or {} -%}
  {%- if for_relation and persist.get('relation') and model.description -%}
    {%- do run_query(alter_relation_comment(relation, model.description)) -%}
  {%- endif -%}
  {%- if for_columns and persist.get('columns') and model.columns -%}
    {%- set statements = alter_column_comment(relation, model.columns) -%}
    {%- if statements | trim -%}
      {%- do run_query(statements) -%}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- a comment as a SQL string literal -#}
{% macro comment_literal(comment) -%}
  '{{ comment | replace("'", "''") }}'
{%- endmacro %}

{% macro alter_relation_comment(relation, relation_comment) -%}
  {{ return(adapter.dispatch('alter_relation_comment', 'dbt')(relation, relation_comment)) }}
{%- endmacro %}

{% macro default__alter_relation_comment(relation, relation_comment) -%}
  comment on {{ 'view' if relation.is_view else 'table' }} {{ relation }} is {{ comment_literal(relation_comment) }}
{%- endmacro %}

{% macro alter_column_comment(relation, column_dict) -%}
  {{ return(adapter.dispatch('alter_column_comment', 'dbt')(relation, column_dict)) }}
{%- endmacro %}

{#- only the documented columns the relation has; each named as its config says (quote: true) -#}
{% macro default__alter_column_comment(relation, column_dict) -%}
  {%- set existing = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
  {%- for column_name, column in column_dict.items() if column_name | lower in existing and column.get('description') %}
    comment on column {{ relation }}.{{ adapter.quote(column_name) if column.get('quote') else column_name }} is {{ comment_literal(column['description']) }};
  {%- endfor %}
{%- endmacro %}

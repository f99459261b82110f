{#- Where a node is built: dbt's default naming, overridable by a project macro of the same name. -#}

{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) }}
{%- endmacro %}

{% macro default__generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none -%}
    {{ return(target.schema) }}
  {%- endif -%}
  {{ return(target.schema ~ '_' ~ (custom_schema_name | trim)) }}
{%- endmacro %}

{#- The schema name used only in production: the custom schema as is on the 'prod' target, the target schema elsewhere. -#}
{% macro generate_schema_name_for_env(custom_schema_name, node) -%}
  {%- if target.name == 'prod' and custom_schema_name is not none -%}
    {{ return(custom_schema_name | trim) }}
  {%- endif -%}
  {{ return(target.schema) }}
{%- endmacro %}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) }}
{%- endmacro %}

{% macro default__generate_alias_name(custom_alias_name, node) -%}
  {%- if custom_alias_name -%}
    {{ return(custom_alias_name | trim) }}
  {%- elif node.version -%}
    {{ return(node.name ~ '_v' ~ (node.version | replace('.', '_'))) }}
  {%- endif -%}
  {{ return(node.name) }}
{%- endmacro %}

{% macro generate_database_name(custom_database_name=none, node=none) -%}
  {{ return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) }}
{%- endmacro %}

{% macro default__generate_database_name(custom_database_name, node) -%}
  {%- if custom_database_name is none -%}
    {{ return(target.database) }}
  {%- endif -%}
  {{ return(custom_database_name | trim) }}
{%- endmacro %}

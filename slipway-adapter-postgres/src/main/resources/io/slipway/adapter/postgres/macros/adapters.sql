{#- PostgreSQL's overrides of Slipway's default macros (package dbt_postgres), only where PostgreSQL differs. -#}

{#-
  Tables may be `unlogged` (config), skipping the write-ahead log; temporary tables take no schema. A
  contracted table is created with its declared columns and constraints, then filled, as by default.
-#}
{% macro postgres__create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {%- set unlogged = config.get('unlogged', default=false) -%}
  {%- set contract_config = config.get('contract') -%}
  {{ sql_header if sql_header is not none }}
  {%- if contract_config and contract_config.enforced and not temporary %}
  {{ get_assert_columns_equivalent(compiled_code) }}
  create {% if unlogged %}unlogged {% endif %}table {{ relation }}
  {{ get_table_columns_and_constraints() }};
  insert into {{ relation }} ({{ get_column_names() }})
  (
    {{ get_select_subquery(compiled_code) }}
  );
  {%- else %}
  create {% if temporary %}temporary {% elif unlogged %}unlogged {% endif %}table {{ relation }}
  as (
    {{ compiled_code }}
  );
  {%- endif %}
{%- endmacro %}

{#-
  PostgreSQL names hold at most 63 characters and longer ones are cut silently, so a name that long is an
  error, and the base name is shortened to leave room for the __dbt_tmp / __dbt_backup suffix (and the
  time string of temporary relations), as dbt-postgres does.
-#}
{% macro postgres__make_relation_with_suffix(base_relation, suffix, dstring) -%}
  {%- set max_length = 63 -%}
  {%- if base_relation.identifier | length > max_length -%}
    {{ exceptions.raise_compiler_error("Relation name '" ~ base_relation.identifier ~ "' is longer than " ~ max_length ~ " characters") }}
  {%- endif -%}
  {%- if dstring -%}
    {%- set suffix = suffix ~ modules.datetime.datetime.now().strftime('%H%M%S%f') -%}
  {%- endif -%}
  {%- if suffix | length > max_length -%}
    {{ exceptions.raise_compiler_error('Relation suffix is too long (' ~ (suffix | length) ~ ' characters). Maximum length is ' ~ max_length ~ ' characters.') }}
  {%- endif -%}
  {%- set identifier = base_relation.identifier[:max_length - (suffix | length)] ~ suffix -%}
  {{ return(base_relation.incorporate(path={'identifier': identifier})) }}
{%- endmacro %}

{% macro postgres__make_intermediate_relation(base_relation, suffix) -%}
  {{ return(postgres__make_relation_with_suffix(base_relation, suffix, dstring=false)) }}
{%- endmacro %}

{% macro postgres__make_backup_relation(base_relation, backup_relation_type, suffix) -%}
  {%- set backup_relation = postgres__make_relation_with_suffix(base_relation, suffix, dstring=false) -%}
  {{ return(backup_relation.incorporate(type=backup_relation_type)) }}
{%- endmacro %}

{#- Temporary tables live in the session's own pg_temp schema: no database or schema in their name. -#}
{% macro postgres__make_temp_relation(base_relation, suffix) -%}
  {%- set temp_relation = postgres__make_relation_with_suffix(base_relation, suffix, dstring=true) -%}
  {{ return(temp_relation.incorporate(path={'schema': none, 'database': none})) }}
{%- endmacro %}

{#- any_value() arrived in PostgreSQL 16; min() picks a value on every version, as dbt-postgres does -#}
{% macro postgres__any_value(expression) -%}
    min({{ expression }})
{%- endmacro %}

{#- the grants this role gave on a relation, as dbt-postgres lists them -#}
{% macro postgres__get_show_grant_sql(relation) -%}
  select grantee, privilege_type
  from information_schema.role_table_grants
  where grantor = current_role
    and grantee != current_role
    and table_schema = '{{ relation.schema }}'
    and table_name = '{{ relation.identifier }}'
{%- endmacro %}

{#-
  Grants (the `grants` config, dbt 1.2+): after a relation is built, the privileges configured are granted,
  and, where the relation kept earlier grants, the ones no longer configured are revoked. Warehouses differ in
  how they show grants; the SQL to list, grant and revoke dispatches.
-#}

{% macro copy_grants() -%}{{ return(adapter.dispatch('copy_grants', 'dbt')()) }}{%- endmacro %}
{#- whether a relation replaced by a new one keeps its grants (then revoking is needed too) -#}
{% macro default__copy_grants() -%}{{ return(true) }}{%- endmacro %}

{% macro support_multiple_grantees_per_dcl_statement() -%}
  {{ return(adapter.dispatch('support_multiple_grantees_per_dcl_statement', 'dbt')()) }}
{%- endmacro %}
{% macro default__support_multiple_grantees_per_dcl_statement() -%}{{ return(true) }}{%- endmacro %}

{#- a new relation has no grants to revoke; a rebuilt one has them when the warehouse copies them -#}
{% macro should_revoke(existing_relation, full_refresh_mode=true) -%}
  {%- if not existing_relation -%}
    {{ return(false) }}
  {%- elif full_refresh_mode -%}
    {{ return(copy_grants()) }}
  {%- else -%}
    {{ return(true) }}
  {%- endif -%}
{%- endmacro %}

{% macro get_show_grant_sql(relation) -%}{{ return(adapter.dispatch('get_show_grant_sql', 'dbt')(relation)) }}{%- endmacro %}
{% macro default__get_show_grant_sql(relation) -%}
  show grants on {{ relation }}
{%- endmacro %}

{% macro get_grant_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_grant_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}
{% macro default__get_grant_sql(relation, privilege, grantees) -%}
  grant {{ privilege }} on {{ relation }} to {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_revoke_sql(relation, privilege, grantees) -%}
  {{ return(adapter.dispatch('get_revoke_sql', 'dbt')(relation, privilege, grantees)) }}
{%- endmacro %}
{% macro default__get_revoke_sql(relation, privilege, grantees) -%}
  revoke {{ privilege }} on {{ relation }} from {{ grantees | join(', ') }}
{%- endmacro %}

{% macro get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {{ return(adapter.dispatch('get_dcl_statement_list', 'dbt')(relation, grant_config, get_dcl_macro)) }}
{%- endmacro %}
{% macro default__get_dcl_statement_list(relation, grant_config, get_dcl_macro) -%}
  {%- set statements = [] -%}
  {%- for privilege, grantees in grant_config.items() -%}
    {%- set grantees = [grantees] if grantees is string else grantees -%}
    {%- if grantees and support_multiple_grantees_per_dcl_statement() -%}
      {%- do statements.append(get_dcl_macro(relation, privilege, grantees)) -%}
    {%- else -%}
      {%- for grantee in grantees -%}
        {%- do statements.append(get_dcl_macro(relation, privilege, [grantee])) -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(statements) }}
{%- endmacro %}

{% macro call_dcl_statements(dcl_statement_list) -%}
  {{ return(adapter.dispatch('call_dcl_statements', 'dbt')(dcl_statement_list)) }}
{%- endmacro %}
{% macro default__call_dcl_statements(dcl_statement_list) -%}
  {%- call statement('grants') -%}
    {% for statement in dcl_statement_list %}
    {{ statement }};
    {%- endfor %}
  {%- endcall -%}
{%- endmacro %}

{% macro apply_grants(relation, grant_config, should_revoke) -%}
  {{ return(adapter.dispatch('apply_grants', 'dbt')(relation, grant_config, should_revoke)) }}
{%- endmacro %}
{% macro default__apply_grants(relation, grant_config, should_revoke=true) -%}
  {%- if grant_config -%}
    {%- set grant_config = grant_config.copy() -%}
    {%- for privilege, grantees in grant_config.items() -%}
      {%- do grant_config.update({privilege: [grantees] if grantees is string else grantees}) -%}
    {%- endfor -%}
    {%- if should_revoke -%}
      {%- set current = adapter.standardize_grants_dict(run_query(get_show_grant_sql(relation))) -%}
      {%- set needs_granting = diff_of_two_dicts(grant_config, current) -%}
      {%- set needs_revoking = diff_of_two_dicts(current, grant_config) -%}
      {%- if not (needs_granting or needs_revoking) -%}
        {{ log('On ' ~ relation ~ ': All grants are in place, no revocation or granting needed.') }}
      {%- endif -%}
    {%- else -%}
      {%- set needs_revoking = {} -%}
      {%- set needs_granting = grant_config -%}
    {%- endif -%}
    {%- if needs_granting or needs_revoking -%}
      {%- set statements = get_dcl_statement_list(relation, needs_revoking, get_revoke_sql)
                           + get_dcl_statement_list(relation, needs_granting, get_grant_sql) -%}
      {{ call_dcl_statements(statements) }}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

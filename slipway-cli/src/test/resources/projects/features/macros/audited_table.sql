{#- A materialization of the project's own: a table, plus a row in an audit table saying it was built. -#}
{% materialization audited_table, default %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {{ adapter.drop_relation(target_relation) }}
  {% call statement('main') -%}
    create table {{ target_relation }} as ({{ sql }})
  {%- endcall %}
  {% call statement('audit') -%}
    create table if not exists {{ target.schema }}.audit_log (model varchar);
    insert into {{ target.schema }}.audit_log values ('{{ this.name }}')
  {%- endcall %}
  {{ adapter.commit() }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#-
  `slipway clone --state DIR`: puts each selected node of the state's run into this target without
  rebuilding it. DuckDB and PostgreSQL cannot copy a table without copying its data, so the node becomes a
  view over the state's relation (dbt does the same where can_clone_table() is false). A node the state does
  not have, or whose relation already exists here, is left as it is; --full-refresh replaces existing ones.
-#}
{% materialization clone, default %}
  {%- if defer_relation is none -%}
    {{ log("Nothing to clone for " ~ model.unique_id ~ ": the state manifest has no relation for it", info=True) }}
    {{ return({'relations': []}) }}
  {%- endif -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- if existing_relation is not none and not flags.FULL_REFRESH -%}
    {{ log(existing_relation ~ " already exists; leaving it (use --full-refresh to replace it)", info=True) }}
    {{ return({'relations': []}) }}
  {%- endif -%}

  {%- set target_relation = this.incorporate(type='view') -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_type = existing_relation.type if existing_relation is not none else 'view' -%}
  {%- set backup_relation = make_backup_relation(target_relation, backup_type) -%}
  {{ drop_relation_if_exists(load_cached_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_cached_relation(backup_relation)) }}

  {% call statement('main') -%}
    {{ get_create_view_as_sql(intermediate_relation, sql) }}
  {%- endcall %}

  {% if existing_relation is not none -%}
    {{ adapter.rename_relation(existing_relation, backup_relation) }}
  {%- endif %}
  {{ adapter.rename_relation(intermediate_relation, target_relation) }}
  {{ adapter.commit() }}
  {% if existing_relation is not none -%}
    {{ adapter.drop_relation(backup_relation) }}
  {%- endif %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

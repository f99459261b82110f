{#-
  Slipway's materializations, as dbt's are: Jinja macros a project or adapter can override with a
  {% materialization name, adapter='x' %} of its own. Tables and views are built under a temporary name
  and swapped in inside one transaction, so a failed build leaves the previous relation in place.
-#}

{% materialization table, default %}
  {{ return(build_by_swap(this.incorporate(type='table'))) }}
{% endmaterialization %}

{% materialization view, default %}
  {{ return(build_by_swap(this.incorporate(type='view'))) }}
{% endmaterialization %}

{#-
  Builds the node's SQL as a table or view under a temporary name, then, in one transaction, moves the
  existing relation aside and the new one into place; the old one is dropped after the commit.
-#}
{% macro build_by_swap(target_relation) -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_type = existing_relation.type if existing_relation is not none else target_relation.type -%}
  {%- set backup_relation = make_backup_relation(target_relation, backup_type) -%}
  {{ drop_relation_if_exists(load_cached_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_cached_relation(backup_relation)) }}

  {{ run_hooks(pre_hooks, inside_transaction=false) }}
  {{ run_hooks(pre_hooks, inside_transaction=true) }}

  {% call statement('main') -%}
    {%- if target_relation.is_view -%}
      {{ get_create_view_as_sql(intermediate_relation, sql) }}
    {%- else -%}
      {{ get_create_table_as_sql(false, intermediate_relation, sql) }}
    {%- endif -%}
  {%- endcall %}

  {% if existing_relation is not none -%}
    {{ adapter.rename_relation(existing_relation, backup_relation) }}
  {%- endif %}
  {{ adapter.rename_relation(intermediate_relation, target_relation) }}

  {{ run_hooks(post_hooks, inside_transaction=true) }}
  {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode=true)) %}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {% if existing_relation is not none -%}
    {{ adapter.drop_relation(backup_relation) }}
  {%- endif %}
  {{ run_hooks(post_hooks, inside_transaction=false) }}
  {{ return({'relations': [target_relation]}) }}
{%- endmacro %}

{#- A test: the query counts failing rows; warn_if and error_if decide the status. -#}
{#- A test: counts its failing rows; with store_failures (or --store-failures) they are kept in a table or view
    named after the test, in the audit schema, and counted from there, as dbt does. -#}
{% materialization test, default %}
  {%- set relations = [] -%}
  {%- set limit = config.get('limit') -%}
  {%- set sql_with_limit -%}
    {{ sql }}
    {{ "limit " ~ limit if limit is not none }}
  {%- endset -%}
  {%- if should_store_failures() -%}
    {%- set store_failures_as = config.get('store_failures_as') or 'table' -%}
    {%- if store_failures_as not in ['table', 'view'] -%}
      {{ exceptions.raise_compiler_error("'" ~ store_failures_as ~ "' is not a valid value for `store_failures_as`. Accepted values are: ['ephemeral', 'table', 'view']") }}
    {%- endif -%}
    {%- set target_relation = api.Relation.create(identifier=model['alias'], schema=schema, database=database, type=store_failures_as) -%}
    {%- set old_relation = adapter.get_relation(database=database, schema=schema, identifier=model['alias']) -%}
    {%- do adapter.create_schema(target_relation) -%}
    {%- if old_relation -%}
      {%- do adapter.drop_relation(old_relation) -%}
    {%- endif -%}
    {% call statement(auto_begin=True) -%}
      {%- if store_failures_as == 'view' -%}
        {{ get_create_view_as_sql(target_relation, sql_with_limit) }}
      {%- else -%}
        {{ get_create_table_as_sql(False, target_relation, sql_with_limit) }}
      {%- endif -%}
    {%- endcall %}
    {%- do relations.append(target_relation) -%}
    {%- set main_sql -%}
      select * from {{ target_relation }}
    {%- endset -%}
    {{ adapter.commit() }}
  {%- else -%}
    {%- set main_sql = sql_with_limit -%}
  {%- endif -%}
  {% call statement('main', fetch_result=true) -%}
    {{ get_test_sql(main_sql, config.get('fail_calc'), config.get('warn_if'), config.get('error_if'), none) }}
  {%- endcall %}
  {{ return({'relations': relations}) }}
{% endmaterialization %}

{#- dbt's rule: the test's store_failures config, else the --store-failures flag; store_failures_as table or view
    also stores, ephemeral never does. -#}
{% macro should_store_failures() %}
  {%- set store_as = config.get('store_failures_as') -%}
  {%- if store_as == 'ephemeral' -%}
    {{ return(false) }}
  {%- endif -%}
  {%- set configured = config.get('store_failures') -%}
  {%- if configured is none -%}
    {%- set configured = flags.STORE_FAILURES or store_as in ['table', 'view'] -%}
  {%- endif -%}
  {{ return(configured) }}
{% endmacro %}

{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
  {{ adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    select
      {{ fail_calc }} as failures,
      {{ fail_calc }} {{ warn_if }} as should_warn,
      {{ fail_calc }} {{ error_if }} as should_error
    from (
      {{ main_sql }}
      {{ "limit " ~ limit if limit is not none }}
    ) dbt_internal_test
{%- endmacro %}

{#- A seed: the CSV, typed as dbt infers it, loaded into a table created (or emptied) for it. -#}
{% materialization seed, default %}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set full_refresh_mode = should_full_refresh() -%}
  {%- set seed_table = load_agate_table() -%}

  {%- if existing_relation is not none and not existing_relation.is_table -%}
    {{ exceptions.raise_compiler_error("Cannot seed to '" ~ existing_relation ~ "', it is a " ~ existing_relation.type) }}
  {%- endif -%}

  {{ run_hooks(pre_hooks, inside_transaction=false) }}
  {{ run_hooks(pre_hooks, inside_transaction=true) }}

  {%- if existing_relation is none or full_refresh_mode -%}
    {{ drop_relation_if_exists(existing_relation) }}
    {%- set ddl = create_csv_table(target_relation, seed_table) -%}
  {%- else -%}
    {%- set ddl = reset_csv_table(target_relation, seed_table) -%}
  {%- endif -%}
  {#- as dbt reports it: CREATE only when asked to rebuild, INSERT otherwise, even on a first load -#}
  {%- set code = 'CREATE' if full_refresh_mode else 'INSERT' -%}
  {%- set rows_affected = adapter.load_seed_rows(target_relation, seed_table) -%}

  {% call noop_statement('main', code ~ ' ' ~ rows_affected, code, rows_affected) %}
    {{ ddl }}
  {% endcall %}

  {{ run_hooks(post_hooks, inside_transaction=true) }}
  {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode)) %}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=false) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{% macro create_csv_table(relation, seed_table) -%}
  {%- set sql -%}
    create table {{ relation }} (
      {%- for column in seed_table.columns %}
      {{ column.quoted_name }} {{ column.data_type }}{{ "," if not loop.last }}
      {%- endfor %}
    )
  {%- endset -%}
  {% call statement('_') -%}
    {{ sql }}
  {%- endcall %}
  {{ return(sql) }}
{%- endmacro %}

{% macro reset_csv_table(relation, seed_table) -%}
  {%- set sql = 'truncate table ' ~ relation -%}
  {% call statement('_') -%}
    {{ sql }}
  {%- endcall %}
  {{ return(sql) }}
{%- endmacro %}

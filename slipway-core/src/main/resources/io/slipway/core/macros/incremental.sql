{#-
  Incremental models. The first run builds the table from the model's query. Later runs build the query's
  rows into a temporary table, reconcile the columns as on_schema_change says, and apply the strategy
  (append, delete+insert, merge, ... or a project's own get_incremental_<name>_sql) to the existing table.
  --full-refresh (or full_refresh: true) and an existing view rebuild the table under a temporary name and
  swap it in, as the table materialization does.
-#}
{% materialization incremental, default -%}
  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set temp_relation = make_temp_relation(target_relation) -%}
  {%- set intermediate_relation = make_intermediate_relation(target_relation) -%}
  {%- set backup_relation_type = 'table' if existing_relation is none else existing_relation.type -%}
  {%- set backup_relation = make_backup_relation(target_relation, backup_relation_type) -%}

  {%- set unique_key = config.get('unique_key') -%}
  {%- set full_refresh_mode = should_full_refresh() or (existing_relation is not none and existing_relation.is_view) -%}
  {%- set on_schema_change = incremental_validate_on_schema_change(config.get('on_schema_change'), default='ignore') -%}
  {#- resolved before anything runs, so an unknown or unsupported strategy fails on the first run too -#}
  {%- set incremental_strategy = config.get('incremental_strategy') or 'default' -%}
  {%- set strategy_sql_macro_func = adapter.get_incremental_strategy_macro(context, incremental_strategy) -%}

  {{ drop_relation_if_exists(load_cached_relation(intermediate_relation)) }}
  {{ drop_relation_if_exists(load_cached_relation(backup_relation)) }}

  {{ run_hooks(pre_hooks, inside_transaction=false) }}
  {{ run_hooks(pre_hooks, inside_transaction=true) }}

  {%- set to_drop = [] -%}
  {%- set need_swap = false -%}
  {%- if existing_relation is none -%}
    {%- set build_sql = get_create_table_as_sql(false, target_relation, sql) -%}
  {%- elif full_refresh_mode -%}
    {%- set build_sql = get_create_table_as_sql(false, intermediate_relation, sql) -%}
    {%- set need_swap = true -%}
  {%- else -%}
    {%- do run_query(get_create_table_as_sql(true, temp_relation, sql)) -%}
    {%- do to_drop.append(temp_relation) -%}
    {%- do adapter.expand_target_column_types(from_relation=temp_relation, to_relation=target_relation) -%}
    {#- the columns to write: the new query's when the schema was reconciled, else the table's -#}
    {%- set dest_columns = process_schema_changes(on_schema_change, temp_relation, existing_relation) -%}
    {%- if not dest_columns -%}
      {%- set dest_columns = adapter.get_columns_in_relation(existing_relation) -%}
    {%- endif -%}
    {%- set incremental_predicates = config.get('predicates', none) or config.get('incremental_predicates', none) -%}
    {%- set strategy_arg_dict = {
          'target_relation': target_relation,
          'temp_relation': temp_relation,
          'unique_key': unique_key,
          'dest_columns': dest_columns,
          'incremental_predicates': incremental_predicates} -%}
    {%- set build_sql = strategy_sql_macro_func(strategy_arg_dict) -%}
  {%- endif -%}

  {% call statement('main') -%}
    {{ build_sql }}
  {%- endcall %}

  {%- if need_swap -%}
    {{ adapter.rename_relation(existing_relation, backup_relation) }}
    {{ adapter.rename_relation(intermediate_relation, target_relation) }}
    {%- do to_drop.append(backup_relation) -%}
  {%- endif -%}

  {{ run_hooks(post_hooks, inside_transaction=true) }}
  {% do apply_grants(target_relation, config.get('grants'), should_revoke(existing_relation, full_refresh_mode)) %}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {%- for relation in to_drop -%}
    {{ adapter.drop_relation(relation) }}
  {%- endfor -%}
  {{ run_hooks(post_hooks, inside_transaction=false) }}
  {{ return({'relations': [target_relation]}) }}
{%- endmaterialization %}


{#- The strategies: each takes dbt's argument dict and returns the SQL that writes the new rows. -#}

{% macro get_incremental_default_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_default_sql(arg_dict) -%}
  {{ return(get_incremental_append_sql(arg_dict)) }}
{%- endmacro %}

{% macro get_incremental_append_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_append_sql(arg_dict) -%}
  {{ return(get_insert_into_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'])) }}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_delete_insert_sql(arg_dict) -%}
  {{ return(get_delete_insert_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
                                        arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{% macro get_incremental_merge_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) -%}
  {{ return(get_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['unique_key'],
                          arg_dict['dest_columns'], arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(get_insert_overwrite_merge_sql(arg_dict['target_relation'], arg_dict['temp_relation'], arg_dict['dest_columns'],
                                           arg_dict['incremental_predicates'])) }}
{%- endmacro %}

{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
  {%- set columns_csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
    insert into {{ target_relation }} ({{ columns_csv }})
    (
        select {{ columns_csv }}
        from {{ temp_relation }}
    )
{%- endmacro %}

{#- Rows whose key is among the new rows are deleted, then all new rows inserted. Without a key it only inserts. -#}
{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set columns_csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- if unique_key -%}
    {%- set keys = [unique_key] if unique_key is string else unique_key -%}
    {%- set keys_csv = keys | join(', ') %}
    delete from {{ target }} as DBT_INTERNAL_DEST
    where ({{ keys_csv }}) in (
        select distinct {{ keys_csv }}
        from {{ source }} as DBT_INTERNAL_SOURCE
    )
    {%- for predicate in incremental_predicates or [] %}
      and {{ predicate }}
    {%- endfor %};
  {% endif %}
    insert into {{ target }} ({{ columns_csv }})
    (
        select {{ columns_csv }}
        from {{ source }}
    )
{%- endmacro %}

{#-
  A MERGE on the key: matched rows are updated (all columns, or merge_update_columns, or all but
  merge_exclude_columns), the others inserted. Without a key nothing matches, so every row is inserted.
-#}
{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set incremental_predicates = kwargs.get('predicates', incremental_predicates) -%}
  {{ adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {%- set conditions = [] + (incremental_predicates or []) -%}
  {%- set columns_csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set update_columns = get_merge_update_columns(config.get('merge_update_columns'), config.get('merge_exclude_columns'), dest_columns) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {%- if unique_key -%}
    {%- set keys = [unique_key] if unique_key is string else unique_key -%}
    {%- for key in keys -%}
      {%- do conditions.append(equals('DBT_INTERNAL_SOURCE.' ~ key, 'DBT_INTERNAL_DEST.' ~ key)) -%}
    {%- endfor -%}
  {%- else -%}
    {%- do conditions.append('FALSE') -%}
  {%- endif -%}
  {{ sql_header if sql_header is not none }}
    merge into {{ target }} as DBT_INTERNAL_DEST
        using {{ source }} as DBT_INTERNAL_SOURCE
        on ({{ conditions | join(') and (') }})
  {%- if unique_key and update_columns %}
    when matched then update set
        {% for column in update_columns -%}
          {{ column }} = DBT_INTERNAL_SOURCE.{{ column }}{{ ", " if not loop.last }}
        {%- endfor %}
  {%- endif %}
    when not matched then insert
        ({{ columns_csv }})
    values
        ({% for column in dest_columns -%}
          DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{{ ", " if not loop.last }}
        {%- endfor %})
{%- endmacro %}

{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {{ return(adapter.dispatch('get_merge_update_columns', 'dbt')(merge_update_columns, merge_exclude_columns, dest_columns)) }}
{%- endmacro %}

{% macro default__get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {%- if merge_update_columns and merge_exclude_columns -%}
    {{ exceptions.raise_compiler_error(
        'Model cannot specify merge_update_columns and merge_exclude_columns. Please update model to use only one config') }}
  {%- elif merge_update_columns -%}
    {{ return(merge_update_columns) }}
  {%- endif -%}
  {%- set excluded = (merge_exclude_columns or []) | map('lower') | list -%}
  {%- set columns = [] -%}
  {%- for column in dest_columns -%}
    {%- if column.name | lower not in excluded -%}
      {%- do columns.append(column.quoted) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}

{#- Replaces the rows the predicates select with the new rows, in one MERGE. -#}
{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
  {{ adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) }}
{%- endmacro %}

{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header) -%}
  {%- set columns_csv = get_quoted_csv(dest_columns | map(attribute='name')) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none and include_sql_header }}
    merge into {{ target }} as DBT_INTERNAL_DEST
        using {{ source }} as DBT_INTERNAL_SOURCE
        on FALSE
    when not matched by source
        {%- if predicates %} and {{ predicates | join(' and ') }}{% endif %}
        then delete
    when not matched then insert
        ({{ columns_csv }})
    values
        ({{ columns_csv }})
{%- endmacro %}


{#- on_schema_change: what to do when the new rows' columns differ from the table's. -#}

{% macro incremental_validate_on_schema_change(on_schema_change, default='ignore') -%}
  {%- if on_schema_change not in ['sync_all_columns', 'append_new_columns', 'fail', 'ignore'] -%}
    {%- do log('Invalid value for on_schema_change (' ~ on_schema_change ~ ') specified. Setting default value of ' ~ default ~ '.') -%}
    {{ return(default) }}
  {%- endif -%}
  {{ return(on_schema_change) }}
{%- endmacro %}

{% macro check_for_schema_changes(source_relation, target_relation) -%}
  {%- set source_columns = adapter.get_columns_in_relation(source_relation) -%}
  {%- set target_columns = adapter.get_columns_in_relation(target_relation) -%}
  {%- set source_not_in_target = diff_columns(source_columns, target_columns) -%}
  {%- set target_not_in_source = diff_columns(target_columns, source_columns) -%}
  {%- set new_target_types = diff_column_data_types(source_columns, target_columns) -%}
  {%- set changes = {
        'schema_changed': (source_not_in_target or target_not_in_source or new_target_types) | length > 0,
        'source_not_in_target': source_not_in_target,
        'target_not_in_source': target_not_in_source,
        'source_columns': source_columns,
        'target_columns': target_columns,
        'new_target_types': new_target_types} -%}
  {%- do log('In ' ~ target_relation ~ ':\n    Schema changed: ' ~ changes['schema_changed']
             ~ '\n    Source columns not in target: ' ~ source_not_in_target
             ~ '\n    Target columns not in source: ' ~ target_not_in_source
             ~ '\n    New column types: ' ~ new_target_types) -%}
  {{ return(changes) }}
{%- endmacro %}

{% macro sync_column_schemas(on_schema_change, target_relation, schema_changes_dict) -%}
  {%- set add_to_target = schema_changes_dict['source_not_in_target'] -%}
  {%- set remove_from_target = [] -%}
  {%- set new_target_types = [] -%}
  {%- if on_schema_change == 'append_new_columns' -%}
    {%- if add_to_target | length > 0 -%}
      {%- do alter_relation_add_remove_columns(target_relation, add_to_target, none) -%}
    {%- endif -%}
  {%- elif on_schema_change == 'sync_all_columns' -%}
    {%- set remove_from_target = schema_changes_dict['target_not_in_source'] -%}
    {%- set new_target_types = schema_changes_dict['new_target_types'] -%}
    {%- if add_to_target | length > 0 or remove_from_target | length > 0 -%}
      {%- do alter_relation_add_remove_columns(target_relation, add_to_target, remove_from_target) -%}
    {%- endif -%}
    {%- for change in new_target_types -%}
      {%- do alter_column_type(target_relation, change['column_name'], change['new_type']) -%}
    {%- endfor -%}
  {%- endif -%}
  {%- do log('In ' ~ target_relation ~ ':\n    Schema change approach: ' ~ on_schema_change
             ~ '\n    Columns added: ' ~ add_to_target
             ~ '\n    Columns removed: ' ~ remove_from_target
             ~ '\n    Data types changed: ' ~ new_target_types) -%}
{%- endmacro %}

{#- Reconciles the table with the new rows' columns; returns the columns to write, or {} when ignoring changes. -#}
{% macro process_schema_changes(on_schema_change, source_relation, target_relation) -%}
  {%- if on_schema_change == 'ignore' -%}
    {{ return({}) }}
  {%- endif -%}
  {%- set changes = check_for_schema_changes(source_relation, target_relation) -%}
  {%- if changes['schema_changed'] -%}
    {%- if on_schema_change == 'fail' -%}
      {%- set message -%}
The source and target schemas on this incremental model are out of sync!
They can be reconciled in several ways:
  - set the `on_schema_change` config to either append_new_columns or sync_all_columns, depending on your situation.
  - Re-run the incremental model with `full_refresh: True` to update the target schema.
  - update the schema manually and re-run the process.

Additional troubleshooting context:
   Source columns not in target: {{ changes['source_not_in_target'] }}
   Target columns not in source: {{ changes['target_not_in_source'] }}
   New column types: {{ changes['new_target_types'] }}
      {%- endset -%}
      {%- do exceptions.raise_compiler_error(message) -%}
    {%- else -%}
      {%- do sync_column_schemas(on_schema_change, target_relation, changes) -%}
    {%- endif -%}
  {%- endif -%}
  {{ return(changes['source_columns']) }}
{%- endmacro %}

{#- microbatch (dbt 1.9): each batch replaces the rows of its event-time window; the engine runs one batch at a time -#}
{% macro get_incremental_microbatch_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_microbatch_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_microbatch_sql(arg_dict) -%}
  {%- set event_time = config.get('event_time') -%}
  {%- if model.batch is not defined or model.batch is none -%}
    {{ exceptions.raise_compiler_error("The microbatch strategy builds one batch at a time; model.batch is not set") }}
  {%- endif -%}
  {%- set columns_csv = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) %}
    delete from {{ arg_dict['target_relation'] }} as DBT_INTERNAL_TARGET
    where DBT_INTERNAL_TARGET.{{ event_time }} >= '{{ model.batch.event_time_start }}'
      and DBT_INTERNAL_TARGET.{{ event_time }} < '{{ model.batch.event_time_end }}'
    {%- for predicate in arg_dict['incremental_predicates'] or [] %}
      and {{ predicate }}
    {%- endfor %};
    insert into {{ arg_dict['target_relation'] }} ({{ columns_csv }})
    select {{ columns_csv }}
    from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

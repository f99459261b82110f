{#-
  Snapshots: a type-2 history of a query's rows. The first run copies the rows with their validity columns
  (dbt_scd_id, dbt_updated_at, dbt_valid_from, dbt_valid_to). Each later run stages what changed (new rows,
  new versions of changed rows, rows gone from the source) in a temporary table, closes the versions that
  ended and inserts the new ones. The strategy (timestamp, check, or a project's snapshot_<name>_strategy)
  decides what counts as a change.
-#}
{% materialization snapshot, default %}
  {%- set strategy_name = config.get('strategy') -%}
  {%- set unique_key = config.get('unique_key') -%}
  {{ validate_snapshot_config(strategy_name, unique_key) }}

  {%- set existing_relation = load_cached_relation(this) -%}
  {%- set target_relation_exists = existing_relation is not none -%}
  {%- set target_relation = existing_relation if target_relation_exists else this.incorporate(type='table') -%}
  {%- if not target_relation.is_table -%}
    {%- do exceptions.relation_wrong_type(target_relation, 'table') -%}
  {%- endif -%}

  {{ run_hooks(pre_hooks, inside_transaction=false) }}
  {{ run_hooks(pre_hooks, inside_transaction=true) }}

  {%- set strategy_macro = strategy_dispatch(strategy_name) -%}
  {%- set strategy = strategy_macro(model, 'snapshotted_data', 'source_data', model['config'], target_relation_exists) -%}

  {%- if not target_relation_exists -%}
    {%- set final_sql = create_table_as(false, target_relation, build_snapshot_table(strategy, model['compiled_code'])) -%}
  {%- else -%}
    {%- set columns = config.get('snapshot_table_column_names') or get_snapshot_table_column_names() -%}
    {{ adapter.assert_valid_snapshot_target_given_strategy(target_relation, columns, strategy) }}
    {%- set staging_table = build_snapshot_staging_table(strategy, sql, target_relation) -%}
    {%- do adapter.expand_target_column_types(from_relation=staging_table, to_relation=target_relation) -%}

    {#- the staging table's bookkeeping columns are not the snapshot's -#}
    {%- set bookkeeping = ['dbt_change_type', 'DBT_CHANGE_TYPE', 'dbt_unique_key', 'DBT_UNIQUE_KEY'] -%}
    {%- if unique_key | is_list -%}
      {%- for key in unique_key -%}
        {%- do bookkeeping.append('dbt_unique_key_' ~ loop.index) -%}
        {%- do bookkeeping.append('DBT_UNIQUE_KEY_' ~ loop.index) -%}
      {%- endfor -%}
    {%- endif -%}

    {#- columns new in the source become columns of the snapshot -#}
    {%- set missing_columns = adapter.get_missing_columns(staging_table, target_relation) | rejectattr('name', 'in', bookkeeping) | list -%}
    {%- do create_columns(target_relation, missing_columns) -%}

    {%- set insert_columns = [] -%}
    {%- for column in adapter.get_columns_in_relation(staging_table) | rejectattr('name', 'in', bookkeeping) -%}
      {%- do insert_columns.append(adapter.quote(column.name)) -%}
    {%- endfor -%}
    {%- set final_sql = snapshot_merge_sql(target=target_relation, source=staging_table, insert_cols=insert_columns) -%}
  {%- endif -%}

  {% call statement('main') -%}
    {{ final_sql }}
  {%- endcall %}

  {{ run_hooks(post_hooks, inside_transaction=true) }}
  {% do apply_grants(target_relation, config.get('grants'), should_revoke(target_relation_exists, full_refresh_mode=false)) %}
  {% do persist_docs(target_relation, model) %}
  {{ adapter.commit() }}
  {%- if staging_table is defined -%}
    {%- do post_snapshot(staging_table) -%}
  {%- endif -%}
  {{ run_hooks(post_hooks, inside_transaction=false) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}

{#- The checks dbt makes of a snapshot's config, with its messages. -#}
{% macro validate_snapshot_config(strategy, unique_key) -%}
  {%- if not strategy or not unique_key -%}
    {{ exceptions.raise_compiler_error("Snapshots must be configured with a 'strategy' and 'unique_key'.") }}
  {%- endif -%}
  {%- set check_cols = config.get('check_cols') -%}
  {%- if strategy == 'check' -%}
    {%- if not check_cols -%}
      {{ exceptions.raise_compiler_error("A snapshot configured with the check strategy must specify a check_cols configuration.") }}
    {%- elif check_cols is string and check_cols != 'all' -%}
      {{ exceptions.raise_compiler_error("Invalid value for 'check_cols': " ~ check_cols ~ ". Expected 'all' or a list of strings.") }}
    {%- endif -%}
  {%- elif strategy == 'timestamp' -%}
    {%- if not config.get('updated_at') -%}
      {{ exceptions.raise_compiler_error("A snapshot configured with the timestamp strategy must specify an updated_at configuration.") }}
    {%- elif check_cols -%}
      {{ exceptions.raise_compiler_error("A 'timestamp' snapshot should not have 'check_cols'") }}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- The relation and whether it exists (dbt's helper, kept for projects that call it). -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
  {%- set relation = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
  {%- if relation is not none -%}
    {{ return((true, relation)) }}
  {%- endif -%}
  {{ return((false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type))) }}
{%- endmacro %}

{#- The macro snapshot_<name>_strategy for a strategy name, optionally qualified by its package ('pkg.name'). -#}
{% macro strategy_dispatch(name) -%}
  {%- set original_name = name -%}
  {%- if '.' in name -%}
    {%- set package_name, name = name.split('.', 1) -%}
    {%- set package_context = context[package_name] -%}
    {%- if package_context is not defined or package_context is none -%}
      {{ exceptions.raise_compiler_error("Could not find package '" ~ package_name ~ "', called with '" ~ original_name ~ "'") }}
    {%- endif -%}
  {%- else -%}
    {%- set package_name = none -%}
    {%- set package_context = context -%}
  {%- endif -%}
  {%- set found = package_context['snapshot_' ~ name ~ '_strategy'] -%}
  {%- if found is not defined or found is none -%}
    {{ exceptions.raise_compiler_error("The specified strategy macro '" ~ name ~ "' was not found in package '" ~ package_name ~ "'") }}
  {%- endif -%}
  {{ return(found) }}
{%- endmacro %}

{% macro get_snapshot_table_column_names() -%}
  {{ return({'dbt_valid_to': 'dbt_valid_to', 'dbt_valid_from': 'dbt_valid_from', 'dbt_scd_id': 'dbt_scd_id',
             'dbt_updated_at': 'dbt_updated_at', 'dbt_is_deleted': 'dbt_is_deleted'}) }}
{%- endmacro %}

{#- md5 of the arguments cast to text, '|'-separated, nulls as empty text: dbt_scd_id. -#}
{% macro snapshot_hash_arguments(args) -%}
  {{ adapter.dispatch('snapshot_hash_arguments', 'dbt')(args) }}
{%- endmacro %}

{% macro default__snapshot_hash_arguments(args) -%}
    md5({%- for arg in args -%}
        coalesce(cast({{ arg }} as varchar ), '')
        {% if not loop.last %} || '|' || {% endif %}
    {%- endfor -%})
{%- endmacro %}

{#- Now, as the snapshot's timestamps store it. -#}
{% macro snapshot_get_time() -%}
  {{ adapter.dispatch('snapshot_get_time', 'dbt')() }}
{%- endmacro %}

{% macro default__snapshot_get_time() -%}
  current_timestamp
{%- endmacro %}

{% macro snapshot_string_as_time(timestamp) -%}
  {{ adapter.dispatch('snapshot_string_as_time', 'dbt')(timestamp) }}
{%- endmacro %}

{% macro default__snapshot_string_as_time(timestamp) -%}
  {{ return("'" ~ timestamp ~ "'::timestamp") }}
{%- endmacro %}

{% macro get_true_sql() -%}
  {{ adapter.dispatch('get_true_sql', 'dbt')() }}
{%- endmacro %}

{% macro default__get_true_sql() -%}
  {{ return('TRUE') }}
{%- endmacro %}

{#- timestamp: a row changed when its updated_at is later than the current version's dbt_valid_from. -#}
{% macro snapshot_timestamp_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) -%}
  {%- set primary_key = config.get('unique_key') -%}
  {%- set updated_at = config.get('updated_at') -%}
  {%- set hard_deletes = adapter.get_hard_deletes_behavior(config) -%}
  {%- set columns = config.get('snapshot_table_column_names') or get_snapshot_table_column_names() -%}
  {#- compared with dbt_valid_from, not the source's column, so switching from check to timestamp works -#}
  {%- set row_changed_expr -%}
    ({{ snapshotted_rel }}.{{ columns.dbt_valid_from }} < {{ current_rel }}.{{ updated_at }})
  {%- endset -%}
  {%- set scd_id_expr = snapshot_hash_arguments(api.Relation.scd_args(primary_key, updated_at)) -%}
  {{ return({
      'unique_key': primary_key,
      'updated_at': updated_at,
      'row_changed': row_changed_expr,
      'scd_id': scd_id_expr,
      'invalidate_hard_deletes': hard_deletes == 'invalidate',
      'hard_deletes': hard_deletes}) }}
{%- endmacro %}

{#- The check columns that already exist in the snapshot, and whether the source has columns it lacks. -#}
{% macro snapshot_check_all_get_existing_columns(node, target_exists, check_cols_config) -%}
  {%- if not target_exists -%}
    {{ return((false, [])) }}
  {%- endif -%}
  {%- set target_relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) -%}
  {%- if check_cols_config == 'all' -%}
    {%- set query_columns = get_columns_in_query(node['compiled_code']) -%}
  {%- elif check_cols_config is iterable and check_cols_config | length > 0 -%}
    {%- set selected -%}
      select {{ check_cols_config | join(', ') }} from (
        {{ node['compiled_code'] }}
      ) subq
    {%- endset -%}
    {%- set query_columns = get_columns_in_query(selected) -%}
  {%- else -%}
    {{ exceptions.raise_compiler_error("Invalid value for 'check_cols': " ~ check_cols_config) }}
  {%- endif -%}
  {%- set existing = adapter.get_columns_in_relation(target_relation) | map(attribute='name') | list -%}
  {%- set ns = namespace(column_added=false) -%}
  {%- set intersection = [] -%}
  {%- for column in query_columns -%}
    {%- if column in existing -%}
      {%- do intersection.append(adapter.quote(column)) -%}
    {%- else -%}
      {%- set ns.column_added = true -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return((ns.column_added, intersection)) }}
{%- endmacro %}

{#- check: a row changed when any check column differs (a null on one side only counts), or the source gained a column. -#}
{% macro snapshot_check_strategy(node, snapshotted_rel, current_rel, model_config, target_exists) -%}
  {%- set check_cols_config = config.get('check_cols') -%}
  {%- set primary_key = config.get('unique_key') -%}
  {%- set hard_deletes = adapter.get_hard_deletes_behavior(config) -%}
  {%- set updated_at = config.get('updated_at') or snapshot_get_time() -%}
  {%- set column_added, check_cols = snapshot_check_all_get_existing_columns(node, target_exists, check_cols_config) -%}
  {%- set row_changed_expr -%}
    (
    {%- if column_added -%}
      {{ get_true_sql() }}
    {%- else -%}
      {%- for col in check_cols -%}
        {{ snapshotted_rel }}.{{ col }} != {{ current_rel }}.{{ col }}
        or
        (
            (({{ snapshotted_rel }}.{{ col }} is null) and not ({{ current_rel }}.{{ col }} is null))
            or
            ((not {{ snapshotted_rel }}.{{ col }} is null) and ({{ current_rel }}.{{ col }} is null))
        )
        {%- if not loop.last %} or {% endif -%}
      {%- endfor -%}
    {%- endif -%}
    )
  {%- endset -%}
  {%- set scd_id_expr = snapshot_hash_arguments(api.Relation.scd_args(primary_key, updated_at)) -%}
  {{ return({
      'unique_key': primary_key,
      'updated_at': updated_at,
      'row_changed': row_changed_expr,
      'scd_id': scd_id_expr,
      'invalidate_hard_deletes': hard_deletes == 'invalidate',
      'hard_deletes': hard_deletes}) }}
{%- endmacro %}

{#- The first run's rows: the query's, each the current version from now on. -#}
{% macro build_snapshot_table(strategy, sql) -%}
  {{ adapter.dispatch('build_snapshot_table', 'dbt')(strategy, sql) }}
{%- endmacro %}

{% macro default__build_snapshot_table(strategy, sql) -%}
  {%- set columns = config.get('snapshot_table_column_names') or get_snapshot_table_column_names() %}
    select *,
        {{ strategy.scd_id }} as {{ columns.dbt_scd_id }},
        {{ strategy.updated_at }} as {{ columns.dbt_updated_at }},
        {{ strategy.updated_at }} as {{ columns.dbt_valid_from }},
        {{ get_dbt_valid_to_current(strategy, columns) }}
      {%- if strategy.hard_deletes == 'new_record' %},
        'False' as {{ columns.dbt_is_deleted }}
      {%- endif %}
    from (
        {{ sql }}
    ) sbq
{%- endmacro %}

{#- dbt_valid_to of a current version: null, or dbt_valid_to_current (typed like updated_at by the coalesce). -#}
{% macro get_dbt_valid_to_current(strategy, columns) -%}
  {%- set valid_to_current = config.get('dbt_valid_to_current') or 'null' -%}
  coalesce(nullif({{ strategy.updated_at }}, {{ strategy.updated_at }}), {{ valid_to_current }}) as {{ columns.dbt_valid_to }}
{%- endmacro %}

{% macro build_snapshot_staging_table(strategy, sql, target_relation) -%}
  {%- set temp_relation = make_temp_relation(target_relation) -%}
  {%- set select = snapshot_staging_table(strategy, sql, target_relation) -%}
  {% call statement('build_snapshot_staging_relation') -%}
    {{ create_table_as(true, temp_relation, select) }}
  {%- endcall %}
  {{ return(temp_relation) }}
{%- endmacro %}

{% macro snapshot_staging_table(strategy, source_sql, target_relation) -%}
  {{ adapter.dispatch('snapshot_staging_table', 'dbt')(strategy, source_sql, target_relation) }}
{%- endmacro %}

{#-
  The changes, one row each with dbt_change_type: 'insert' (a new key, or a new version of a changed row),
  'update' (the current version of a changed row, closed at the change), 'delete' (a current version
  whose key left the source, closed now; only when hard deletes are tracked). With hard_deletes:
  new_record a deleted key also gets a new version flagged dbt_is_deleted.
-#}
{% macro default__snapshot_staging_table(strategy, source_sql, target_relation) -%}
  {%- set columns = config.get('snapshot_table_column_names') or get_snapshot_table_column_names() -%}
  {%- set track_deletes = strategy.hard_deletes in ['invalidate', 'new_record'] -%}
  {%- set new_record = strategy.hard_deletes == 'new_record' -%}
  {%- set valid_to_current = config.get('dbt_valid_to_current') -%}
  {%- if new_record -%}
    {%- set new_scd_id = snapshot_hash_arguments([columns.dbt_scd_id, snapshot_get_time()]) -%}
  {%- endif %}
    with snapshot_query as (

        {{ source_sql }}

    ),

    snapshotted_data as (

        select *, {{ unique_key_fields(strategy.unique_key) }}
        from {{ target_relation }}
        where
        {%- if valid_to_current %}
            ( {{ equals(columns.dbt_valid_to, valid_to_current) }} or {{ columns.dbt_valid_to }} is null )
        {%- else %}
            {{ columns.dbt_valid_to }} is null
        {%- endif %}

    ),

    insertions_source_data as (

        select *, {{ unique_key_fields(strategy.unique_key) }},
            {{ strategy.updated_at }} as {{ columns.dbt_updated_at }},
            {{ strategy.updated_at }} as {{ columns.dbt_valid_from }},
            {{ get_dbt_valid_to_current(strategy, columns) }},
            {{ strategy.scd_id }} as {{ columns.dbt_scd_id }}

        from snapshot_query
    ),

    updates_source_data as (

        select *, {{ unique_key_fields(strategy.unique_key) }},
            {{ strategy.updated_at }} as {{ columns.dbt_updated_at }},
            {{ strategy.updated_at }} as {{ columns.dbt_valid_from }},
            {{ strategy.updated_at }} as {{ columns.dbt_valid_to }}

        from snapshot_query
    ),
  {%- if track_deletes %}

    deletes_source_data as (

        select *, {{ unique_key_fields(strategy.unique_key) }}
        from snapshot_query
    ),
  {%- endif %}

    insertions as (

        select
            'insert' as dbt_change_type,
            source_data.*
          {%- if new_record %},
            'False' as {{ columns.dbt_is_deleted }}
          {%- endif %}

        from insertions_source_data as source_data
        left outer join snapshotted_data
            on {{ unique_key_join_on(strategy.unique_key, 'snapshotted_data', 'source_data') }}
            where {{ unique_key_is_null(strategy.unique_key, 'snapshotted_data') }}
            or ({{ unique_key_is_not_null(strategy.unique_key, 'snapshotted_data') }} and (
               {{ strategy.row_changed }}
               {%- if new_record %} or snapshotted_data.{{ columns.dbt_is_deleted }} = 'True'{% endif %}
            )
        )

    ),

    updates as (

        select
            'update' as dbt_change_type,
            source_data.*,
            snapshotted_data.{{ columns.dbt_scd_id }}
          {%- if new_record %},
            snapshotted_data.{{ columns.dbt_is_deleted }}
          {%- endif %}

        from updates_source_data as source_data
        join snapshotted_data
            on {{ unique_key_join_on(strategy.unique_key, 'snapshotted_data', 'source_data') }}
        where (
            {{ strategy.row_changed }}
            {%- if new_record %} or snapshotted_data.{{ columns.dbt_is_deleted }} = 'True'{% endif %}
        )
    )
  {%- if track_deletes %},

    deletes as (

        select
            'delete' as dbt_change_type,
            source_data.*,
            {{ snapshot_get_time() }} as {{ columns.dbt_valid_from }},
            {{ snapshot_get_time() }} as {{ columns.dbt_updated_at }},
            {{ snapshot_get_time() }} as {{ columns.dbt_valid_to }},
            snapshotted_data.{{ columns.dbt_scd_id }}
          {%- if new_record %},
            snapshotted_data.{{ columns.dbt_is_deleted }}
          {%- endif %}
        from snapshotted_data
        left join deletes_source_data as source_data
            on {{ unique_key_join_on(strategy.unique_key, 'snapshotted_data', 'source_data') }}
            where {{ unique_key_is_null(strategy.unique_key, 'source_data') }}
          {%- if new_record %}
            and not (
                -- a key already recorded as deleted is not deleted again
                snapshotted_data.{{ columns.dbt_is_deleted }} = 'True'
                and {{ current_version_condition('snapshotted_data', columns, valid_to_current) }}
            )
          {%- endif %}
    )
  {%- endif %}
  {%- if new_record %}
    {%- set snapshotted_cols = get_list_of_column_names(get_columns_in_relation(target_relation)) -%}
    {%- set source_col_names = get_columns_in_query(source_sql) %},

    deletion_records as (

        select
            'insert' as dbt_change_type,
          {%- for col_name in source_col_names %}
            {{ 'snapshotted_data' if col_name in snapshotted_cols else 'source_data' }}.{{ adapter.quote(col_name) }},
          {%- endfor %}
          {%- if strategy.unique_key | is_list %}
            {%- for key in strategy.unique_key %}
            snapshotted_data.{{ key }} as dbt_unique_key_{{ loop.index }},
            {%- endfor %}
          {%- else %}
            snapshotted_data.dbt_unique_key as dbt_unique_key,
          {%- endif %}
            {{ snapshot_get_time() }} as {{ columns.dbt_valid_from }},
            {{ snapshot_get_time() }} as {{ columns.dbt_updated_at }},
            snapshotted_data.{{ columns.dbt_valid_to }} as {{ columns.dbt_valid_to }},
            {{ new_scd_id }} as {{ columns.dbt_scd_id }},
            'True' as {{ columns.dbt_is_deleted }}
        from snapshotted_data
        left join deletes_source_data as source_data
            on {{ unique_key_join_on(strategy.unique_key, 'snapshotted_data', 'source_data') }}
        where {{ unique_key_is_null(strategy.unique_key, 'source_data') }}
        and not (
            -- no second deletion record for a key already recorded as deleted
            snapshotted_data.{{ columns.dbt_is_deleted }} = 'True'
            and {{ current_version_condition('snapshotted_data', columns, valid_to_current) }}
        )

    )
  {%- endif %}

    select * from insertions
    union all
    select * from updates
  {%- if track_deletes %}
    union all
    select * from deletes
  {%- endif %}
  {%- if new_record %}
    union all
    select * from deletion_records
  {%- endif %}
{%- endmacro %}

{% macro current_version_condition(alias, columns, valid_to_current) -%}
  {%- if valid_to_current -%}
    {{ alias }}.{{ columns.dbt_valid_to }} = {{ valid_to_current }}
  {%- else -%}
    {{ alias }}.{{ columns.dbt_valid_to }} is null
  {%- endif -%}
{%- endmacro %}

{#- The unique key as staging columns: dbt_unique_key, or dbt_unique_key_1, _2, ... for a composite key. -#}
{% macro unique_key_fields(unique_key) -%}
  {%- if unique_key | is_list -%}
    {%- for key in unique_key -%}
      {{ key }} as dbt_unique_key_{{ loop.index }}{{ ", " if not loop.last }}
    {%- endfor -%}
  {%- else -%}
    {{ unique_key }} as dbt_unique_key
  {%- endif -%}
{%- endmacro %}

{% macro unique_key_join_on(unique_key, identifier, from_identifier) -%}
  {%- if unique_key | is_list -%}
    {%- for key in unique_key -%}
      {{ equals(identifier ~ '.dbt_unique_key_' ~ loop.index, from_identifier ~ '.dbt_unique_key_' ~ loop.index) }}
      {{- " and " if not loop.last }}
    {%- endfor -%}
  {%- else -%}
    {{ identifier }}.dbt_unique_key = {{ from_identifier }}.dbt_unique_key
  {%- endif -%}
{%- endmacro %}

{% macro unique_key_is_null(unique_key, identifier) -%}
  {{ identifier }}.{{ 'dbt_unique_key_1' if unique_key | is_list else 'dbt_unique_key' }} is null
{%- endmacro %}

{% macro unique_key_is_not_null(unique_key, identifier) -%}
  {{ identifier }}.{{ 'dbt_unique_key_1' if unique_key | is_list else 'dbt_unique_key' }} is not null
{%- endmacro %}

{#- Closes the versions the staging table ends and inserts its new versions, in one MERGE. -#}
{% macro snapshot_merge_sql(target, source, insert_cols) -%}
  {{ adapter.dispatch('snapshot_merge_sql', 'dbt')(target, source, insert_cols) }}
{%- endmacro %}

{% macro default__snapshot_merge_sql(target, source, insert_cols) -%}
  {%- set columns = config.get('snapshot_table_column_names') or get_snapshot_table_column_names() -%}
  {%- set valid_to_current = config.get('dbt_valid_to_current') -%}
  {%- set insert_cols_csv = insert_cols | join(', ') %}
    merge into {{ target }} as DBT_INTERNAL_DEST
    using {{ source }} as DBT_INTERNAL_SOURCE
    on DBT_INTERNAL_SOURCE.{{ columns.dbt_scd_id }} = DBT_INTERNAL_DEST.{{ columns.dbt_scd_id }}
    when matched
     {%- if valid_to_current %}
       and (DBT_INTERNAL_DEST.{{ columns.dbt_valid_to }} = {{ valid_to_current }} or DBT_INTERNAL_DEST.{{ columns.dbt_valid_to }} is null)
     {%- else %}
       and DBT_INTERNAL_DEST.{{ columns.dbt_valid_to }} is null
     {%- endif %}
       and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete')
        then update
        set {{ columns.dbt_valid_to }} = DBT_INTERNAL_SOURCE.{{ columns.dbt_valid_to }}
    when not matched
     and DBT_INTERNAL_SOURCE.dbt_change_type = 'insert'
        then insert ({{ insert_cols_csv }})
        values ({{ insert_cols_csv }})
{%- endmacro %}

{#- Drops the staging table once the snapshot is committed. -#}
{% macro post_snapshot(staging_relation) -%}
  {{ adapter.dispatch('post_snapshot', 'dbt')(staging_relation) }}
{%- endmacro %}

{% macro default__post_snapshot(staging_relation) -%}
  {{ drop_relation_if_exists(staging_relation) }}
{%- endmacro %}

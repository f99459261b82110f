{#- renamed meta columns and a far-future dbt_valid_to for current rows -#}
{% snapshot custom_columns %}
{{ config(
    strategy='timestamp',
    updated_at='updated_at',
    hard_deletes='new_record',
    dbt_valid_to_current="cast('9999-12-31' as timestamp)",
    snapshot_meta_column_names={
        'dbt_valid_from': 'valid_from',
        'dbt_valid_to': 'valid_to',
        'dbt_scd_id': 'version_id',
        'dbt_updated_at': 'changed_at',
        'dbt_is_deleted': 'is_deleted'
    }
) }}
select * from {{ ref('customers') }}
{% endsnapshot %}

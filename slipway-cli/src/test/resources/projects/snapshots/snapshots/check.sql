{#- legacy configs: target_schema names the schema as is, invalidate_hard_deletes -#}
{% snapshot check_city %}
{{ config(strategy='check', check_cols=['city'], target_schema='legacy_snapshots', invalidate_hard_deletes=true) }}
select * from {{ ref('customers') }}
{% endsnapshot %}

{#- 1.9 configs: schema goes through generate_schema_name (main_history) -#}
{% snapshot check_all %}
{{ config(strategy='check', check_cols='all', schema='history', hard_deletes='new_record') }}
select * from {{ ref('customers') }}
{% endsnapshot %}

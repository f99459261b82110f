{% snapshot ts_ignore %}
{{ config(strategy='timestamp', updated_at='updated_at') }}
select * from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot ts_invalidate %}
{{ config(strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate') }}
select * from {{ ref('customers') }}
{% endsnapshot %}

{% snapshot ts_new_record %}
{{ config(strategy='timestamp', updated_at='updated_at', hard_deletes='new_record') }}
select * from {{ ref('customers') }}
{% endsnapshot %}

{#- a composite key: each part joins -#}
{% snapshot ts_composite_key %}
{{ config(strategy='timestamp', updated_at='updated_at', unique_key=['id', 'name']) }}
select * from {{ ref('customers') }}
{% endsnapshot %}

{#- a project's own strategy, named with its package -#}
{% snapshot custom_strategy %}
{{ config(strategy='snapshots.newest', updated_at='updated_at') }}
select * from {{ ref('customers') }}
{% endsnapshot %}

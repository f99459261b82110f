{{ config(incremental_strategy='merge', unique_key='id') }}
select * from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

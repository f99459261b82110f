{{ config(incremental_strategy='even_ids') }}
select * from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

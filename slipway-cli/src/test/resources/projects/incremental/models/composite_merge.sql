{{ config(incremental_strategy='merge', unique_key=['customer', 'day']) }}
select customer, day, amount, updated_at from {{ ref('daily') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

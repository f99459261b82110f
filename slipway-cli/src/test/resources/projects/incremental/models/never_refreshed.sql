{#- full_refresh: false keeps the rows even under --full-refresh -#}
{{ config(incremental_strategy='append', full_refresh=false) }}
select * from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

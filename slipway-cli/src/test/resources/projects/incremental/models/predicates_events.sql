{#- the predicate keeps id 2 out of the delete, so its old row stays beside the new one -#}
{{ config(incremental_strategy='delete+insert', unique_key='id', incremental_predicates=['DBT_INTERNAL_DEST.id != 2']) }}
select * from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

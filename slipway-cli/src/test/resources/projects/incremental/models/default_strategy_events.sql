{#- no strategy: DuckDB's default replaces rows by key (delete+insert) -#}
{{ config(unique_key='id') }}
select * from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}


{{ config(enabled=False) }}

select * from {{ ref('my_model') }}
where false

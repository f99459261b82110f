
{{ config(enabled=False) }}
select 2 as id

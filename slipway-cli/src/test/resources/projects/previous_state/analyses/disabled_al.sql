
{{ config(enabled=False) }}
select 9 as id

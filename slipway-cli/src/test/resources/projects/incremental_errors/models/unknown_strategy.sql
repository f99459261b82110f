{{ config(incremental_strategy='upsert', unique_key='id') }}
select 1 as id

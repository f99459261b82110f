{{ config(materialized='incremental', unique_key='id') }}
select cast(2 as bigint) as id, 'bob' as name

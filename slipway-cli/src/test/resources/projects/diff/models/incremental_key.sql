{{ config(materialized='incremental', unique_key='id') }}
-- the key from unique_key
select i as id, i % 2 = 0 as even from range(1, 9) r(i)

{{ config(materialized='ephemeral') }}
select id, code, price, available from {{ ref('items') }}
where price >= {{ var('min_amount') }}

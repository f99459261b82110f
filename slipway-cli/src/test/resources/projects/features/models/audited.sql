{{ config(materialized='audited_table') }}
select 1 as id

{{ config(materialized=var('mat', 'view')) }}
select * from {{ ref('base') }}

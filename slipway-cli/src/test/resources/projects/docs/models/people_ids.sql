{{ config(materialized='ephemeral') }}
select id from {{ ref('stg_people') }}

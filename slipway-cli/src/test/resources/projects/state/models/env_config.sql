{# env-aware in the node's own config(): compared rendered (dbt 1.10's default), so a change across targets #}
{{ config(materialized='table' if target.name == 'prod' else 'view') }}
select * from {{ ref('base') }}

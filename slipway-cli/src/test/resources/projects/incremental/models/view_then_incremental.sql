{#- a view on the first run, incremental afterwards: the view is replaced by a table -#}
{{ config(materialized='view' if var('round', 1) == 1 else 'incremental', unique_key='id') }}
select id, amount, {{ 'true' if is_incremental() else 'false' }} as built_incrementally from {{ ref('events') }}

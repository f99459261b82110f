{#- a table model: is_incremental() is false even though the table exists -#}
{{ config(materialized='table') }}
select {{ 'true' if is_incremental() else 'false' }} as incremental_build

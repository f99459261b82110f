{{ config(warn_if='>= 1', error_if='>= 10') }}
-- warns when any row is returned, fails from ten
select * from {{ ref('priced_items') }} where id < 3

-- version 2, the latest: dbt finds it in the model's own file when no dim_customers_v2.sql exists
select 1 as customer_id, 'Ada' as name

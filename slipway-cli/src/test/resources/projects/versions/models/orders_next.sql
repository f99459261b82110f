select customer_id, email from {{ ref('dim_customers', version=3) }}

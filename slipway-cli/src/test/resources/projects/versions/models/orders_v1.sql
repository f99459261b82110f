select customer_id, legacy_code from {{ ref('dim_customers', v=1) }}

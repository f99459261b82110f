select 1 as customer_id, 'Ada' as name, 'A-1' as legacy_code

select 1 as id, 'alice' as name, cast('2024-01-01' as date) as signed_up, 9.5 as score

-- version 3, a prerelease defined in a file of another name
select 1 as customer_id, 'Ada' as name, 'ada@example.com' as email

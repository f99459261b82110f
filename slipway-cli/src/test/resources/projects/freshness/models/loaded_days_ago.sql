-- loaded three days ago
select 1 as id, now() - interval '3 days' as loaded_at

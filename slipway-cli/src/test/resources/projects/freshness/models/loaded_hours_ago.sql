-- loaded three hours ago
select 1 as id, now() - interval '3 hours' as loaded_at
union all
select 2 as id, now() - interval '5 hours' as loaded_at

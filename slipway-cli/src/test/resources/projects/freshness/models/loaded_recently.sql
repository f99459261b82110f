-- loaded ten minutes ago
select 1 as id, now() - interval '10 minutes' as loaded_at

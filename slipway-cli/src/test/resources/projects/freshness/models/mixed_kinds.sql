-- the newest rows are 'new'; the 'old' ones were loaded two days ago
select 'new' as kind, now() - interval '5 minutes' as loaded_at
union all
select 'old' as kind, now() - interval '2 days' as loaded_at

-- a timestamp without time zone, in UTC: dbt reads it as UTC
select 1 as id, (now() at time zone 'UTC') - interval '10 minutes' as loaded_at

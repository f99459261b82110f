-- no row has a load time
select 1 as id, cast(null as timestamp) as loaded_at

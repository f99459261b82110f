select 'one' as id, 'alice' as name

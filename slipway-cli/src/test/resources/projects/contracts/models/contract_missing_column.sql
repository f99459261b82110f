select 1 as id, 'alice' as nickname

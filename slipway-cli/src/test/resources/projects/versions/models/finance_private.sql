select 100 as revenue

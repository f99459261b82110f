-- the key from column meta (region, day); the change adds a row
select 'r' || (i % 4) as region, date '2024-01-01' + i::integer as day, i * 1.5 as amount
from range(0, 20) r(i)
{% if var('ci', false) %}union all select 'zz', date '2030-01-01', 0{% endif %}

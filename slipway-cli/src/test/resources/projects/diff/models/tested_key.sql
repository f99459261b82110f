-- the key from a unique test on a text column
select 'code-' || i as code, i{% if var('ci', false) %} * 2{% endif %} as doubled
from range(1, 6) r(i)

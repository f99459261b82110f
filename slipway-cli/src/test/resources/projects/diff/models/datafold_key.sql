{{ config(meta={'datafold': {'datadiff': {'primary-key': ['a', 'b'], 'exclude_columns': ['noise'], 'filter': 'a <> 0'}}}) }}
-- Datafold's spelling: a composite key, a column left out and a filter; noise differs everywhere, a = 0 is filtered out
select i % 3 as a, i as b, {% if var('ci', false) %}'new'{% else %}'old'{% endif %} as noise
from range(0, 12) r(i)
{% if var('ci', false) %}where i <> 5{% endif %}

{{ config(meta={'primary_key': ['id']}) }}
-- the key from the model's meta; the change alters one row
select i as id, {% if var('ci', false) %}case when i = 3 then 'changed' else 'v' || i end{% else %}'v' || i{% endif %} as v
from range(1, 11) r(i)

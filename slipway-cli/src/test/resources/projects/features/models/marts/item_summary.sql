{%- set cols = ['price_with_tax', 'id'] -%}
select
  {% for c in cols %}sum({{ c }}) as total_{{ c }}{{ "," if not loop.last }}
  {% endfor %}
from {{ ref('priced_items') }}
{% if execute %}
-- columns: {{ column_list(ref('priced_items')) }}
{% endif %}

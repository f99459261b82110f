{#- from the second round the model adds a column and drops one -#}
{{ config(unique_key='id', on_schema_change='append_new_columns') }}
select id,
  {%- if var('round', 1) == 1 %} customer as name,{% endif %}
  amount as score, updated_at
  {%- if var('round', 1) > 1 %}, 'x' || id as extra{% endif %}
from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

{#- from the second round the model adds a column, drops one and changes a type -#}
{{ config(unique_key='id', on_schema_change='sync_all_columns') }}
select id,
  {%- if var('round', 1) == 1 %} customer as name, amount as score,
  {%- else %} cast(amount as double) as score, 'x' || id as extra,{% endif %}
  updated_at
from {{ ref('events') }}
{% if is_incremental() %}
where updated_at > (select max(updated_at) from {{ this }})
{% endif %}

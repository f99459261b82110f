{#- the second round adds a column: on_schema_change fail refuses it and leaves the table as it was -#}
{{ config(unique_key='id', on_schema_change='fail') }}
select id, name
  {%- if var('round', 1) > 1 %}, upper(name) as shout{% endif %}
from (values (1, 'a'), (2, 'b')) as t(id, name)

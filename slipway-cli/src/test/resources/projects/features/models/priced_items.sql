{{ config(
    pre_hook="create table if not exists {{ target.schema }}.hook_log (model varchar)",
    post_hook=["insert into {{ target.schema }}.hook_log values ('{{ this.name }}')"]
) }}
with base as (
    select * from {{ ref('base_items') }}
)
select id, code, {{ price_with_tax('price') }} as price_with_tax, '{{ var("greeting") }}' as greeting
from base

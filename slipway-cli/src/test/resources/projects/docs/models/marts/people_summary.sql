{{ config(post_hook=[
    "comment on table {{ this }} is 'one row per person'",
    "comment on column {{ this }}.person_id is 'the person'"
]) }}
select id as person_id, name, cast(joined_on as date) as joined_on from {{ ref('stg_people') }}
where id in (select id from {{ ref('people_ids') }})

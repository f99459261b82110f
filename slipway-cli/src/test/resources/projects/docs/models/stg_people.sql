select id, upper(name) as name, joined_on from {{ ref('people') }}

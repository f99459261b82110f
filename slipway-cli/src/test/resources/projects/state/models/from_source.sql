select * from {{ source('raw', 'things') }}

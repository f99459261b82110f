select * from {{ ref('ephemeral_step') }} join {{ ref('base') }} using (id)

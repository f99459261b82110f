
{{ config(tags = ['data_test_tag']) }}

select * from {{ ref('my_model') }}
where false

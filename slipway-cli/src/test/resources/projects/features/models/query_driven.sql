{#- run_query returns nothing while parsing; dbt's capture mode lets the unguarded chain below pass then -#}
{%- set result = run_query("select 41 + 1 as answer") -%}
{%- set n_cols = result.columns | length -%}
{%- set answer = result.columns[0].values()[0] if execute else 0 -%}
select {{ answer }} as answer, '{{ result.rows | length }}' as row_count, {{ n_cols }} as n_cols

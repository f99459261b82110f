{#- DuckDB's catalog for docs generate, from its duckdb_tables(), duckdb_views() and duckdb_columns() (package dbt_duckdb). -#}

{% macro duckdb__get_catalog(information_schema, schemas) -%}
  {%- set database = information_schema.database -%}
  {%- call statement('catalog', fetch_result=True) -%}
    with relations as (
      select database_name, schema_name, table_name, 'BASE TABLE' as table_type, comment as table_comment
      from duckdb_tables()
      where database_name = '{{ database }}'
      union all
      select database_name, schema_name, view_name as table_name, 'VIEW' as table_type, comment as table_comment
      from duckdb_views()
      where database_name = '{{ database }}' and not internal
    )
    select
      r.database_name as table_database,
      r.schema_name as table_schema,
      r.table_name,
      r.table_type,
      r.table_comment,
      null as table_owner,
      c.column_name,
      c.column_index,
      c.data_type as column_type,
      c.comment as column_comment
    from relations as r
    join duckdb_columns() as c
      on c.database_name = r.database_name and c.schema_name = r.schema_name and c.table_name = r.table_name
    where (
      {%- for schema in schemas %}
      lower(r.schema_name) = lower('{{ schema | replace("'", "''") }}'){% if not loop.last %} or{% endif %}
      {%- endfor %}
    )
    order by r.schema_name, r.table_name, c.column_index
  {%- endcall -%}
  {{ return(load_result('catalog').table) }}
{%- endmacro %}

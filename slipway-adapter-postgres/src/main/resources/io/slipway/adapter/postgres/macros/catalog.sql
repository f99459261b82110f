{#- PostgreSQL's catalog for docs generate, from pg_catalog: tables, views, materialized views and their columns (package dbt_postgres). -#}

{% macro postgres__get_catalog(information_schema, schemas) -%}
  {%- set database = information_schema.database -%}
  {%- call statement('catalog', fetch_result=True) -%}
    select
      '{{ database }}' as table_database,
      ns.nspname as table_schema,
      cls.relname as table_name,
      case cls.relkind when 'v' then 'VIEW' when 'm' then 'MATERIALIZED VIEW' else 'BASE TABLE' end as table_type,
      pg_catalog.obj_description(cls.oid, 'pg_class') as table_comment,
      pg_catalog.pg_get_userbyid(cls.relowner) as table_owner,
      att.attname as column_name,
      att.attnum as column_index,
      pg_catalog.format_type(att.atttypid, att.atttypmod) as column_type,
      pg_catalog.col_description(cls.oid, att.attnum) as column_comment
    from pg_catalog.pg_namespace as ns
    join pg_catalog.pg_class as cls on cls.relnamespace = ns.oid
    join pg_catalog.pg_attribute as att on att.attrelid = cls.oid
    where (
      {%- for schema in schemas %}
      lower(ns.nspname) = lower('{{ schema | replace("'", "''") }}'){% if not loop.last %} or{% endif %}
      {%- endfor %}
    )
      {#- not another session's temporary schema, no temporary tables, only relations with columns worth describing -#}
      and not pg_catalog.pg_is_other_temp_schema(ns.oid)
      and cls.relpersistence in ('p', 'u')
      and cls.relkind in ('r', 'v', 'f', 'p', 'm')
      and att.attnum > 0
      and not att.attisdropped
    order by ns.nspname, cls.relname, att.attnum
  {%- endcall -%}
  {{ return(load_result('catalog').table) }}
{%- endmacro %}

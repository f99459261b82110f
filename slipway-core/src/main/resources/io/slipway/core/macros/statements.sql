{#- Running SQL from templates. -#}

{#- The body (the caller) is the SQL. Runs only when executing; with a name, the result is kept for load_result(name). -#}
{% macro statement(name=none, fetch_result=false, auto_begin=true, language='sql') -%}
  {%- if execute -%}
    {%- set compiled_code = caller() -%}
    {%- set response, table = adapter.execute(compiled_code, auto_begin=auto_begin, fetch=fetch_result, name=name) -%}
    {%- if name is not none -%}
      {{ store_result(name, response=response, agate_table=table) }}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- A statement that runs nothing but records a result, for materializations that do their work otherwise. -#}
{% macro noop_statement(name=none, message=none, code=none, rows_affected=none, res=none) -%}
  {%- set sql = caller() -%}
  {%- if name is not none -%}
    {{ store_raw_result(name, message=message, code=code, rows_affected=rows_affected, agate_table=res) }}
  {%- endif -%}
{%- endmacro %}

{% macro run_query(sql) -%}
  {%- call statement('run_query_statement', fetch_result=true, auto_begin=false) -%}
    {{ sql }}
  {%- endcall -%}
  {{ return(load_result('run_query_statement').table) }}
{%- endmacro %}

{% macro run_hooks(hooks, inside_transaction=true) -%}
  {%- for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) -%}
    {%- if not inside_transaction and loop.first -%}
      {{ adapter.commit() }}
    {%- endif -%}
    {%- set rendered = render(hook.get('sql')) | trim -%}
    {%- if rendered | length > 0 -%}
      {%- call statement(auto_begin=inside_transaction) -%}
        {{ rendered }}
      {%- endcall -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

package io.slipway.bench;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Environment;
import io.slipway.jinja.Globals;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.MacroReturn;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.Template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A typical dbt model and the macros it calls, set up as dbt renders a node: templates parsed once, the
 * project's macros bound to each render's own context ({@code ref}, {@code var}, {@code adapter},
 * {@code dbt_utils}), then the model rendered. {@code bench/jinja2_render.py} does the same in Python.
 */
public final class DbtLikeProject {
    /** A dbt-utils-like package: star, surrogate key, dispatch through the adapter. */
    public static final String DBT_UTILS = """
            {% macro star(from, except=[], relation_alias=none) -%}
              {%- set cols = adapter.get_columns_in_relation(from) -%}
              {%- set include = [] -%}
              {%- for col in cols if col | lower not in except -%}
                {%- do include.append(col) -%}
              {%- endfor -%}
              {%- for col in include %}
                {% if relation_alias %}{{ relation_alias }}.{% endif %}"{{ col }}"{% if not loop.last %},{% endif %}
              {%- endfor -%}
            {%- endmacro %}

            {% macro generate_surrogate_key(field_list) -%}
              {{ return(adapter.dispatch('generate_surrogate_key', 'dbt_utils')(field_list)) }}
            {%- endmacro %}

            {% macro default__generate_surrogate_key(field_list) -%}
              {%- set fields = [] -%}
              {%- for field in field_list -%}
                {%- do fields.append("coalesce(cast(" ~ field ~ " as text), '_dbt_utils_surrogate_key_null_')") -%}
                {%- if not loop.last %}{% do fields.append("'-'") %}{% endif -%}
              {%- endfor -%}
              md5({{ fields | join(' || ') }})
            {%- endmacro %}
            """;

    /** The project's own macros. */
    public static final String PROJECT_MACROS = """
            {% macro cents_to_dollars(column_name, scale=2) -%}
              {{ return(adapter.dispatch('cents_to_dollars')(column_name, scale)) }}
            {%- endmacro %}

            {% macro default__cents_to_dollars(column_name, scale) -%}
              round(({{ column_name }} / 100)::numeric(16, {{ scale }}), {{ scale }})
            {%- endmacro %}
            """;

    /** A model in the style of jaffle_shop's orders.sql. */
    public static final String MODEL = """
            {{ config(materialized='table', tags=['finance']) }}
            {% set payment_methods = ['credit_card', 'coupon', 'bank_transfer', 'gift_card'] %}

            with orders as (
                select {{ dbt_utils.star(ref('stg_orders'), except=['_loaded_at']) }}
                from {{ ref('stg_orders') }}
            ),

            payments as (
                select * from {{ ref('stg_payments') }}
            ),

            order_payments as (
                select
                    order_id,
                    {% for payment_method in payment_methods -%}
                    sum(case when payment_method = '{{ payment_method }}' then {{ cents_to_dollars('amount') }} else 0 end)
                        as {{ payment_method | lower }}_amount,
                    {% endfor -%}
                    sum({{ cents_to_dollars('amount', 4) }}) as total_amount
                from payments
                group by order_id
            )

            select
                {{ dbt_utils.generate_surrogate_key(['orders.order_id', 'orders.customer_id']) }} as order_key,
                orders.*,
                {% for payment_method in payment_methods -%}
                order_payments.{{ payment_method }}_amount,
                {% endfor -%}
                order_payments.total_amount as amount,
                '{{ var('run_label', 'nightly run ') | trim | replace(' ', '_') }}' as run_label
            from orders
            left join order_payments on orders.order_id = order_payments.order_id
            """;

    private final Environment environment;
    private final Template model;
    private final List<MacroDefinition> utilsMacros;
    private final List<MacroDefinition> projectMacros;

    public DbtLikeProject() {
        this.environment = Environment.builder().global("return", MacroReturn.FUNCTION).build();
        this.model = environment.parse(MODEL, "models/orders.sql");
        this.utilsMacros = environment.parse(DBT_UTILS, "dbt_utils/macros.sql").macros();
        this.projectMacros = environment.parse(PROJECT_MACROS, "macros/cents.sql").macros();
    }

    public Environment environment() {
        return environment;
    }

    public Template parseModel() {
        return environment.parse(MODEL, "models/orders.sql");
    }

    /** One node render: a fresh context, the macros bound to it, the model rendered. */
    public String render() {
        Map<String, Object> context = new HashMap<>();
        Globals globals = Globals.of(context);
        context.put("ref", (JinjaCallable) DbtLikeProject::ref);
        context.put("var", (JinjaCallable) (c, a) -> a.get(1, "default", null));
        context.put("config", (JinjaCallable) (c, a) -> "");
        context.put("adapter", new Adapter(context));
        Map<String, Object> utils = new HashMap<>();
        for (MacroDefinition def : utilsMacros) {
            utils.put(def.name(), def.bind(globals));
        }
        context.put("dbt_utils", new Namespace(utils));
        for (MacroDefinition def : projectMacros) {
            context.put(def.name(), def.bind(globals));
        }
        return model.render(globals);
    }

    private static Object ref(CallContext context, Arguments args) {
        return new Relation("analytics", "dbt_prod", String.valueOf(args.get(0, "name", null)));
    }

    /** dbt's Relation: prints as its quoted path. */
    record Relation(String database, String schema, String identifier) implements PyObject {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "database" -> database;
                case "schema" -> schema;
                case "identifier", "name" -> identifier;
                default -> MISSING;
            };
        }

        @Override
        public String str() {
            return "\"" + database + "\".\"" + schema + "\".\"" + identifier + "\"";
        }
    }

    /** A package's macros, reached as {@code dbt_utils.star(...)}. */
    record Namespace(Map<String, Object> members) implements PyObject {
        @Override
        public Object getAttr(String name) {
            Object v = members.get(name);
            return v != null ? v : MISSING;
        }
    }

    /** dbt's adapter: {@code dispatch} finds {@code default__<name>}; columns come from a fake catalog. */
    static final class Adapter implements PyObject {
        private static final List<Object> COLUMNS = List.of(
                "order_id", "customer_id", "order_date", "status", "_loaded_at");

        private final Map<String, Object> context;
        private final JinjaCallable dispatch;
        private final JinjaCallable columns;

        Adapter(Map<String, Object> context) {
            this.context = context;
            this.dispatch = this::dispatch;
            this.columns = (c, a) -> new java.util.ArrayList<>(COLUMNS);
        }

        private Object dispatch(CallContext c, Arguments args) {
            String name = String.valueOf(args.get(0, "macro_name", null));
            Object namespace = args.get(1, "macro_namespace", null);
            Object scope = namespace == null ? null : context.get(String.valueOf(namespace));
            Object macro = scope instanceof Namespace ns ? ns.getAttr("default__" + name) : context.get("default__" + name);
            if (macro == null || macro == MISSING) {
                throw JinjaException.python("CompilationError", "No macro named '" + name + "' found");
            }
            return macro;
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "dispatch" -> dispatch;
                case "get_columns_in_relation" -> columns;
                default -> MISSING;
            };
        }
    }
}

package io.slipway.core.template;

import io.slipway.adapter.Adapter;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DDL of an enforced contract's constraints, as dbt renders them: column constraints after the column's
 * type ({@code id integer not null primary key}), model constraints as table constraints
 * ({@code constraint pk primary key (id, day)}).
 */
final class Constraints {
    private static final Set<String> TYPES = Set.of("check", "not_null", "unique", "primary_key", "foreign_key", "custom");

    private Constraints() {
    }

    /** {@code adapter.render_raw_columns_constraints(model['columns'])}: one {@code name type constraints...} per column. */
    static List<Object> columns(Object rawColumns, Adapter adapter) {
        List<Object> out = new ArrayList<>();
        if (!(rawColumns instanceof Map<?, ?> columns)) {
            return out;
        }
        for (Object value : columns.values()) {
            if (!(value instanceof Map<?, ?> column)) {
                continue;
            }
            String name = Py.str(column.get("name"));
            StringBuilder sb = new StringBuilder(Py.truthy(column.get("quote")) ? adapter.quote(name) : name);
            sb.append(' ').append(column.get("data_type") == null ? "" : Py.str(column.get("data_type")));
            if (column.get("constraints") instanceof List<?> constraints) {
                for (Object c : constraints) {
                    String rendered = column(parse(c));
                    if (rendered != null) {
                        sb.append(' ').append(rendered);
                    }
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** {@code adapter.render_raw_model_constraints(model['constraints'])}: table constraints. */
    static List<Object> model(Object rawConstraints) {
        List<Object> out = new ArrayList<>();
        if (rawConstraints instanceof List<?> constraints) {
            for (Object c : constraints) {
                String rendered = model(parse(c));
                if (rendered != null) {
                    out.add(rendered);
                }
            }
        }
        return out;
    }

    private static Map<?, ?> parse(Object raw) {
        if (raw instanceof Map<?, ?> m && m.get("type") != null && TYPES.contains(Py.str(m.get("type")))) {
            return m;
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Could not parse constraint: " + Py.repr(raw)
                + "; a constraint needs a type: one of check, not_null, unique, primary_key, foreign_key, custom");
    }

    private static String column(Map<?, ?> c) {
        String expression = c.get("expression") == null ? "" : Py.str(c.get("expression"));
        String rendered = switch (Py.str(c.get("type"))) {
            case "check" -> expression.isEmpty() ? null : "check (" + expression + ")";
            case "not_null" -> "not null " + expression;
            case "unique" -> "unique " + expression;
            case "primary_key" -> "primary key " + expression;
            case "foreign_key" -> c.get("to") != null && c.get("to_columns") instanceof List<?> to
                    ? "references " + withoutDatabase(Py.str(c.get("to"))) + " (" + join(to) + ")"
                    : expression.isEmpty() ? null : "references " + expression;
            default -> expression.isEmpty() ? null : expression;
        };
        return rendered == null ? null : rendered.strip();
    }

    private static String model(Map<?, ?> c) {
        String prefix = c.get("name") == null ? "" : "constraint " + Py.str(c.get("name")) + " ";
        String expression = c.get("expression") == null ? "" : Py.str(c.get("expression"));
        String columns = c.get("columns") instanceof List<?> l ? join(l) : "";
        return switch (Py.str(c.get("type"))) {
            case "check" -> expression.isEmpty() ? null : prefix + "check (" + expression + ")";
            case "unique" -> prefix + "unique" + (expression.isEmpty() ? "" : " " + expression) + " (" + columns + ")";
            case "primary_key" -> prefix + "primary key" + (expression.isEmpty() ? "" : " " + expression) + " (" + columns + ")";
            case "foreign_key" -> c.get("to") != null && c.get("to_columns") instanceof List<?> to
                    ? prefix + "foreign key (" + columns + ") references " + withoutDatabase(Py.str(c.get("to"))) + " (" + join(to) + ")"
                    : expression.isEmpty() ? null : prefix + "foreign key (" + columns + ") references " + expression;
            default -> expression.isEmpty() ? null : prefix + expression;
        };
    }

    /**
     * DuckDB refuses a foreign key naming the database, even its own, so keep schema and table as dbt-duckdb
     * does; the reference is in the target's own database on every warehouse, so nothing is lost.
     */
    private static String withoutDatabase(String to) {
        String[] parts = to.split("\\.");
        return parts.length > 2 ? to.substring(to.indexOf('.') + 1) : to;
    }

    private static String join(List<?> items) {
        List<String> out = new ArrayList<>();
        for (Object o : items) {
            out.add(Py.str(o));
        }
        return String.join(", ", out);
    }
}

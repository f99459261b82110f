package io.slipway.core.template;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;

/**
 * dbt's {@code api}: {@code api.Relation.create(database=, schema=, identifier=, type=)}, {@code api.Relation.scd_args(key, updated_at)}
 * and {@code api.Column.create(name, dtype)}.
 */
final class ApiValue implements PyObject {
    static final ApiValue INSTANCE = new ApiValue();

    private static final PyObject RELATION = name -> switch (name) {
        case "create" -> (JinjaCallable) (ctx, args) -> createRelation(args);
        case "scd_args" -> (JinjaCallable) (ctx, args) -> scdArgs(args.get(0, "primary_key", null), args.get(1, "updated_at", null));
        default -> MISSING;
    };

    private static final PyObject COLUMN = name -> switch (name) {
        case "create" -> (JinjaCallable) (ctx, args) -> new ColumnValue(Py.str(args.get(0, "name", "")), Py.str(args.get(1, "label_or_dtype", "")), '"');
        // dbt's Column.TYPE_LABELS: the cross-database type macros (dbt.type_string(), ...) ask for these
        case "translate_type" -> (JinjaCallable) (ctx, args) -> {
            String dtype = Py.str(args.get(0, "dtype", ""));
            return switch (dtype.toUpperCase(java.util.Locale.ROOT)) {
                case "STRING" -> "TEXT";
                case "TIMESTAMP" -> "TIMESTAMP";
                case "FLOAT" -> "FLOAT";
                case "INTEGER" -> "INT";
                case "BOOLEAN" -> "BOOLEAN";
                default -> dtype;
            };
        };
        case "numeric_type" -> (JinjaCallable) (ctx, args) -> {
            String dtype = Py.str(args.get(0, "dtype", ""));
            Object precision = args.get(1, "precision", null);
            Object scale = args.get(2, "scale", null);
            return precision == null || scale == null ? dtype : dtype + "(" + Py.str(precision) + "," + Py.str(scale) + ")";
        };
        case "string_type" -> (JinjaCallable) (ctx, args) -> "character varying(" + Py.str(args.get(0, "size", 256L)) + ")";
        default -> MISSING;
    };

    private ApiValue() {
    }

    private static RelationValue createRelation(Arguments args) {
        String database = Args.string(args, 0, "database", null);
        String schema = Args.string(args, 1, "schema", null);
        String identifier = Args.string(args, 2, "identifier", null);
        String type = Args.string(args, 3, "type", null);
        return RelationValue.of(database, schema, identifier, type);
    }

    /** What a snapshot's {@code dbt_scd_id} hashes: the unique key (each part of a composite one), then the update time. */
    private static List<Object> scdArgs(Object primaryKey, Object updatedAt) {
        List<Object> out = new ArrayList<>();
        if (primaryKey instanceof List<?> keys) {
            out.addAll(keys);
        } else {
            out.add(primaryKey);
        }
        out.add(updatedAt);
        return out;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "Relation" -> RELATION;
            case "Column" -> COLUMN;
            default -> MISSING;
        };
    }
}

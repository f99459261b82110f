package io.slipway.core.template;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

/** dbt's {@code api}: {@code api.Relation.create(database=, schema=, identifier=, type=)} and {@code api.Column.create(name, dtype)}. */
final class ApiValue implements PyObject {
    static final ApiValue INSTANCE = new ApiValue();

    private static final PyObject RELATION = name -> switch (name) {
        case "create" -> (JinjaCallable) (ctx, args) -> createRelation(args);
        default -> MISSING;
    };

    private static final PyObject COLUMN = name -> switch (name) {
        case "create" -> (JinjaCallable) (ctx, args) -> new ColumnValue(Py.str(args.get(0, "name", "")), Py.str(args.get(1, "label_or_dtype", "")), '"');
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

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "Relation" -> RELATION;
            case "Column" -> COLUMN;
            default -> MISSING;
        };
    }
}

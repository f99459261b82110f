package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.util.Map;

/** dbt's {@code exceptions} namespace: {@code raise_compiler_error}, {@code warn}, and the other raisers templates call. */
final class ExceptionsValue implements PyObject {
    private final DbtContext context;

    ExceptionsValue(DbtContext context) {
        this.context = context;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "raise_contract_error" -> (JinjaCallable) (ctx, args) -> {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                        ContractErrorMessage.of(args.get(0, "yaml_columns", null), args.get(1, "sql_columns", null)));
            };
            case "column_type_missing" -> (JinjaCallable) (ctx, args) -> {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, ContractErrorMessage.typeMissing(args.get(0, "column_names", null)));
            };
            case "relation_wrong_type" -> (JinjaCallable) (ctx, args) -> {
                Object relation = args.get(0, "relation", null);
                String type = relation instanceof RelationValue r ? r.type() : null;
                String expected = Py.str(args.get(1, "expected_type", ""));
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Trying to create " + expected + " " + Py.str(relation)
                        + ", but it currently exists as a " + type + ". Either drop " + Py.str(relation)
                        + " manually, or run dbt with `--full-refresh` and dbt will drop it for you.");
            };
            case "raise_compiler_error", "raise_not_implemented", "raise_fail_fast_error",
                    "missing_relation", "raise_dependency_error" ->
                    (JinjaCallable) (ctx, args) -> {
                        String message = args.positional().isEmpty() ? name : Py.str(args.positional().get(0));
                        if (name.equals("missing_relation")) {
                            message = "Relation " + message + " not found!";
                        }
                        throw new SlipwayException(ErrorCode.COMPILATION_ERROR, message);
                    };
            case "raise_database_error" -> (JinjaCallable) (ctx, args) -> {
                throw new SlipwayException(ErrorCode.DATABASE_ERROR, Py.str(args.get(0, "msg", "")));
            };
            case "warn", "warn_snapshot_timestamp_data_types" -> (JinjaCallable) (ctx, args) -> {
                String message = args.positional().isEmpty() ? name : Py.str(args.positional().get(0));
                context.events().emit(Event.of(EventCode.Z004_WARNING, Level.WARN, "[WARNING]: " + message, Map.of()));
                return "";
            };
            default -> MISSING;
        };
    }

    @Override
    public String repr() {
        return "<exceptions>";
    }
}

package io.slipway.core.template;

import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.QueryResult;
import io.slipway.adapter.RelationInfo;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.MacroNode;
import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * dbt's {@code adapter} object: {@code dispatch}, relation and column introspection, {@code execute},
 * DDL helpers and {@code commit}. While not executing (parsing), lookups return nothing and statements
 * do not run, as in dbt.
 */
public final class AdapterValue implements PyObject {
    private final NodeSession session;

    public AdapterValue(NodeSession session) {
        this.session = session;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "dispatch" -> (JinjaCallable) this::dispatch;
            case "type" -> (JinjaCallable) (ctx, args) -> session.adapter().type();
            case "quote" -> (JinjaCallable) (ctx, args) -> session.adapter().quote(Py.str(args.get(0, "identifier", "")));
            case "quote_as_configured" -> (JinjaCallable) (ctx, args) -> session.adapter().quote(Py.str(args.get(0, "identifier", "")));
            case "get_relation" -> (JinjaCallable) (ctx, args) -> getRelation(
                    Args.string(args, 0, "database", null), Args.string(args, 1, "schema", null), Args.string(args, 2, "identifier", null));
            case "load_relation" -> (JinjaCallable) (ctx, args) -> {
                Object r = args.get(0, "relation", null);
                return r instanceof RelationValue rel ? getRelation(rel.database(), rel.schema(), rel.identifier()) : null;
            };
            case "get_columns_in_relation" -> (JinjaCallable) (ctx, args) -> columns(args.get(0, "relation", null));
            case "get_missing_columns" -> (JinjaCallable) (ctx, args) -> missingColumns(args.get(0, "from_relation", null), args.get(1, "to_relation", null));
            case "expand_target_column_types" -> (JinjaCallable) (ctx, args) -> "";
            case "standardize_grants_dict" -> (JinjaCallable) (ctx, args) -> grantsDict(args.get(0, "grants_table", null));
            case "get_column_schema_from_query" -> (JinjaCallable) (ctx, args) -> columnSchema(Py.str(args.get(0, "sql", "")));
            case "get_incremental_strategy_macro" -> (JinjaCallable) (ctx, args) ->
                    IncrementalStrategies.macro(ctx, args.get(1, "strategy", null), session.adapter().validIncrementalStrategies());
            case "get_hard_deletes_behavior" -> (JinjaCallable) (ctx, args) -> SnapshotChecks.hardDeletes(args.get(0, "config", null));
            case "assert_valid_snapshot_target_given_strategy" -> (JinjaCallable) (ctx, args) -> {
                RelationValue r = relation(args.get(0, "relation", null), name);
                if (connection() != null) {
                    List<String> names = new ArrayList<>();
                    for (ColumnInfo c : connection().getColumns(r.database(), r.schema(), r.identifier())) {
                        names.add(c.name());
                    }
                    SnapshotChecks.assertSnapshotTable(names, args.get(1, "column_names", null));
                }
                return "";
            };
            case "render_raw_columns_constraints" -> (JinjaCallable) (ctx, args) ->
                    Constraints.columns(args.get(0, "raw_columns", null), session.adapter());
            case "render_raw_model_constraints" -> (JinjaCallable) (ctx, args) -> Constraints.model(args.get(0, "raw_constraints", null));
            case "execute" -> (JinjaCallable) this::execute;
            case "commit" -> (JinjaCallable) (ctx, args) -> {
                if (session.connection() != null) {
                    session.connection().commit();
                }
                return "";
            };
            case "begin" -> (JinjaCallable) (ctx, args) -> {
                if (session.connection() != null) {
                    session.connection().begin();
                }
                return "";
            };
            case "create_schema" -> (JinjaCallable) (ctx, args) -> {
                RelationValue r = relation(args.get(0, "relation", null), "create_schema");
                if (connection() != null) {
                    connection().createSchema(r.database(), r.schema());
                }
                return "";
            };
            case "drop_schema" -> (JinjaCallable) (ctx, args) -> {
                RelationValue r = relation(args.get(0, "relation", null), "drop_schema");
                if (connection() != null) {
                    connection().dropSchema(r.database(), r.schema());
                }
                return "";
            };
            case "drop_relation" -> (JinjaCallable) (ctx, args) -> {
                RelationValue r = relation(args.get(0, "relation", null), "drop_relation");
                run("drop " + (r.type() == null ? "table" : r.type().replace('_', ' ')) + " if exists " + r.render() + " cascade");
                return "";
            };
            case "truncate_relation" -> (JinjaCallable) (ctx, args) -> {
                run("truncate table " + relation(args.get(0, "relation", null), "truncate_relation").render());
                return "";
            };
            case "rename_relation" -> (JinjaCallable) (ctx, args) -> {
                RelationValue from = relation(args.get(0, "from_relation", null), "rename_relation");
                RelationValue to = relation(args.get(1, "to_relation", null), "rename_relation");
                String kind = from.type() == null ? "table" : from.type().replace('_', ' ');
                run("alter " + kind + " " + from.render() + " rename to " + session.adapter().quote(to.identifier()));
                return "";
            };
            case "list_relations_without_caching", "list_relations" -> (JinjaCallable) (ctx, args) -> {
                RelationValue schema = relation(args.get(0, "schema_relation", null), name);
                List<Object> out = new ArrayList<>();
                if (connection() != null) {
                    for (RelationInfo info : connection().listRelations(schema.database(), schema.schema())) {
                        out.add(toValue(info));
                    }
                }
                return out;
            };
            case "check_schema_exists" -> (JinjaCallable) (ctx, args) -> connection() != null
                    && !connection().listRelations(Args.string(args, 0, "database", null), Args.string(args, 1, "schema", "")).isEmpty();
            case "load_seed_rows" -> (JinjaCallable) (ctx, args) -> {
                RelationValue r = relation(args.get(0, "relation", null), "load_seed_rows");
                Object table = args.get(1, "seed_table", null);
                if (!(table instanceof io.slipway.core.seed.SeedTable seed)) {
                    throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "adapter.load_seed_rows() needs the table load_agate_table() returned");
                }
                return connection() == null ? 0L : connection().insertRows(r.render(), seed.quotedNames(), seed.rows());
            };
            case "already_exists" -> (JinjaCallable) (ctx, args) -> getRelation(null,
                    Args.string(args, 0, "schema", ""), Args.string(args, 1, "name", "")) != null;
            default -> MISSING;
        };
    }

    private AdapterConnection connection() {
        return session.execute() ? session.connection() : null;
    }

    private void run(String sql) {
        if (connection() != null) {
            connection().execute(sql);
        }
    }

    private static RelationValue relation(Object value, String method) {
        if (value instanceof RelationValue r) {
            return r;
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "adapter." + method + "() needs a relation, got " + Py.repr(value));
    }

    private Object getRelation(String database, String schema, String identifier) {
        if (connection() == null || schema == null || identifier == null) {
            return null;
        }
        Optional<RelationInfo> info = connection().getRelation(database, schema, identifier);
        return info.map(this::toValue).orElse(null);
    }

    private RelationValue toValue(RelationInfo info) {
        return RelationValue.of(info.database(), info.schema(), info.identifier(), info.type().dbtName());
    }

    private Object columns(Object relation) {
        List<Object> out = new ArrayList<>();
        if (connection() == null || !(relation instanceof RelationValue r)) {
            return out;
        }
        if (r.schema() == null) {
            // a temporary relation lives outside the catalog's schemas: read its columns off an empty select
            return columnSchema("select * from " + r.render() + " where false limit 0");
        }
        for (ColumnInfo c : connection().getColumns(r.database(), r.schema(), r.identifier())) {
            out.add(new ColumnValue(c.name(), c.dataType(), '"'));
        }
        return out;
    }

    /** The columns (names and warehouse types) a query returns, as {@code adapter.get_column_schema_from_query}. */
    private List<Object> columnSchema(String sql) {
        List<Object> out = new ArrayList<>();
        AdapterConnection connection = connection();
        if (connection == null) {
            return out;
        }
        for (ColumnInfo c : connection.execute(sql, true, 0).columns()) {
            out.add(new ColumnValue(c.name(), c.dataType(), '"'));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object missingColumns(Object from, Object to) {
        List<Object> fromColumns = (List<Object>) columns(from);
        List<Object> toColumns = (List<Object>) columns(to);
        List<String> toNames = toColumns.stream().map(c -> ((ColumnValue) c).name().toLowerCase(Locale.ROOT)).toList();
        List<Object> out = new ArrayList<>();
        for (Object c : fromColumns) {
            if (!toNames.contains(((ColumnValue) c).name().toLowerCase(Locale.ROOT))) {
                out.add(c);
            }
        }
        return out;
    }

    /** {@code adapter.execute(sql, auto_begin=False, fetch=False, limit=None)}: a (response, table) pair. */
    private Object execute(CallContext ctx, Arguments args) {
        String sql = Py.str(args.get(0, "sql", ""));
        boolean autoBegin = Args.bool(args, 1, "auto_begin", false);
        boolean fetch = Args.bool(args, 2, "fetch", false);
        Object limitArg = args.get(3, "limit", null);
        int limit = limitArg instanceof Number n ? n.intValue() : -1;
        Object statementName = args.keywords().get("name");
        AdapterConnection connection = connection();
        if (connection == null) {
            QueryResult empty = QueryResult.ofMessage("", null, -1);
            return PyTuple.of(AdapterResponseValue.of(empty), new AgateTable(empty));
        }
        if (autoBegin) {
            connection.begin();
        }
        QueryResult result = connection.execute(sql, fetch, limit);
        if ("main".equals(statementName)) {
            session.recordMain(sql, result);
        }
        return PyTuple.of(AdapterResponseValue.of(result), new AgateTable(result));
    }

    /**
     * {@code adapter.dispatch(name, macro_namespace)}: the first macro named {@code <prefix>__<name>} for
     * the adapter's type, the types it inherits from, then {@code default}, searching the project's
     * {@code dispatch:} order for the namespace, else the root project then the namespace.
     */
    private Object dispatch(CallContext ctx, Arguments args) {
        String macroName = Args.required(args, 0, "macro_name", "adapter.dispatch");
        String namespace = Args.string(args, 1, "macro_namespace", null);
        if (macroName.contains(".")) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                    "adapter.dispatch('" + macroName + "'): pass the package as macro_namespace, not in the macro name");
        }
        NodeGlobals globals = (NodeGlobals) ctx.globals();
        MacroIndex index = globals.context().macros();
        List<String> searched = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(globals.context().adapterTypes());
        prefixes.add("default");
        for (String pkg : searchPackages(globals, namespace)) {
            for (String prefix : prefixes) {
                String candidate = prefix + "__" + macroName;
                MacroNode found = pkg == null ? index.resolve(candidate, globals.packageName()) : index.inPackage(pkg, candidate);
                searched.add((pkg == null ? "" : pkg + ".") + candidate);
                if (found != null) {
                    return globals.bind(found);
                }
            }
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                "In dispatch: No macro named '" + macroName + "' found within namespace: '" + namespace + "'\n    Searched for: '"
                        + String.join("', '", searched) + "'");
    }

    private static List<String> searchPackages(NodeGlobals globals, String namespace) {
        List<String> packages = new ArrayList<>();
        if (namespace == null) {
            packages.add(null);
            return packages;
        }
        List<String> configured = globals.context().dispatch().get(namespace);
        if (configured != null && !configured.isEmpty()) {
            packages.addAll(configured);
            return packages;
        }
        if (MacroIndex.GLOBAL_PACKAGE.equals(namespace)) {
            // as dbt: 'dbt' is no installed package, so every package is searched and the root project's own
            // duckdb__x / default__x override the built-in ones
            packages.add(null);
            return packages;
        }
        packages.add(globals.context().macros().rootProject());
        packages.add(namespace);
        return packages;
    }

    @Override
    public String repr() {
        return "<adapter " + session.adapter().type() + ">";
    }

    /** dbt's {@code standardize_grants_dict}: the rows of a show-grants query as privilege to grantees. */
    private static Map<String, Object> grantsDict(Object table) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (table instanceof AgateTable t) {
            List<String> names = t.columnNames().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
            int grantee = names.indexOf("grantee");
            int privilege = names.indexOf("privilege_type");
            if (grantee < 0 || privilege < 0) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "standardize_grants_dict needs columns grantee and privilege_type; got " + names);
            }
            for (Object r : t.rows()) {
                List<?> row = (List<?>) r;
                @SuppressWarnings("unchecked")
                List<Object> grantees = (List<Object>) out.computeIfAbsent(Py.str(row.get(privilege)), k -> new java.util.ArrayList<>());
                grantees.add(Py.str(row.get(grantee)));
            }
        }
        return out;
    }
}

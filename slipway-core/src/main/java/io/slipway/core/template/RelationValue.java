package io.slipway.core.template;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * dbt's {@code Relation}: a database object's three-part name, its type, and how it prints
 * ({@code "db"."schema"."identifier"}). Immutable; the methods that change it return copies.
 *
 * @param type    {@code table}, {@code view}, {@code cte}, ... or null when unknown
 * @param quote   whether database, schema and identifier are quoted
 * @param include whether database, schema and identifier are printed
 * @param limit   with {@code --empty}, 0: the relation prints as a subquery of no rows (dbt's render_limited); else null
 * @param limitAlias whether that subquery gets an alias ({@code _dbt_limit_subq_<identifier>})
 * @param eventTimeFilter in a microbatch model's batch, the condition on an upstream's event time; else null
 */
public record RelationValue(String database, String schema, String identifier, String type,
                            boolean[] quote, boolean[] include, char quoteChar, Integer limit, boolean limitAlias,
                            String eventTimeFilter) implements PyObject {

    public RelationValue {
        quote = quote.clone();
        include = include.clone();
    }

    public RelationValue(String database, String schema, String identifier, String type, boolean[] quote, boolean[] include, char quoteChar) {
        this(database, schema, identifier, type, quote, include, quoteChar, null, false, null);
    }

    /** This relation limited to {@code rows} rows where it is printed into SQL (dbt's {@code --empty} uses 0). */
    public RelationValue limited(Integer rows, boolean alias) {
        return new RelationValue(database, schema, identifier, type, quote, include, quoteChar, rows, alias, eventTimeFilter);
    }

    /** This relation filtered to one batch's event times where it is printed into SQL (dbt's microbatch). */
    public RelationValue filtered(String condition) {
        return new RelationValue(database, schema, identifier, type, quote, include, quoteChar, limit, limitAlias, condition);
    }

    /** How a ref or source prints: the name, or with a limit a subquery aliased as dbt aliases it. */
    public String renderLimited() {
        String rendered = render();
        if (eventTimeFilter != null) {
            rendered = "(select * from " + rendered + " where " + eventTimeFilter + ")" + (limitAlias ? " _dbt_et_filter_subq_" + identifier : "");
        }
        if (limit == null) {
            return rendered;
        }
        String alias = limitAlias ? " _dbt_limit_subq_" + identifier : "";
        return limit == 0 ? "(select * from " + rendered + " where false limit 0)" + alias
                : "(select * from " + rendered + " limit " + limit + ")" + alias;
    }

    public static RelationValue of(String database, String schema, String identifier, String type) {
        return new RelationValue(database, schema, identifier, type, new boolean[] {true, true, true}, new boolean[] {true, true, true}, '"');
    }

    /** The relation of an ephemeral model, printed as its CTE name. */
    public static RelationValue cte(String cteName) {
        return new RelationValue(null, null, cteName, "cte", new boolean[] {false, false, false}, new boolean[] {false, false, true}, '"');
    }

    public boolean isCte() {
        return "cte".equals(type);
    }

    /** How the relation prints in SQL. */
    public String render() {
        List<String> parts = new ArrayList<>(3);
        String[] values = {database, schema, identifier};
        for (int i = 0; i < 3; i++) {
            if (include[i] && values[i] != null) {
                parts.add(quote[i] ? quoteChar + values[i].replace(String.valueOf(quoteChar), "" + quoteChar + quoteChar) + quoteChar : values[i]);
            }
        }
        return String.join(".", parts);
    }

    public RelationValue withIdentifier(String newIdentifier) {
        return new RelationValue(database, schema, newIdentifier, type, quote, include, quoteChar);
    }

    public RelationValue withType(String newType) {
        return new RelationValue(database, schema, identifier, newType, quote, include, quoteChar);
    }

    public RelationValue withSchema(String newSchema) {
        return new RelationValue(database, newSchema, identifier, type, quote, include, quoteChar);
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "database" -> database;
            case "schema" -> schema;
            case "identifier", "name", "table" -> identifier;
            case "type" -> type;
            case "is_table" -> "table".equals(type);
            case "is_view" -> "view".equals(type);
            case "is_cte" -> isCte();
            case "is_materialized_view" -> "materialized_view".equals(type);
            case "path" -> Map.of("database", nullToNone(database), "schema", nullToNone(schema), "identifier", nullToNone(identifier));
            case "quote_policy" -> Map.of("database", quote[0], "schema", quote[1], "identifier", quote[2]);
            case "include_policy" -> Map.of("database", include[0], "schema", include[1], "identifier", include[2]);
            case "render" -> (JinjaCallable) (ctx, args) -> render();
            case "include" -> (JinjaCallable) (ctx, args) -> include(args);
            case "quote" -> (JinjaCallable) (ctx, args) -> quote(args);
            case "incorporate" -> (JinjaCallable) (ctx, args) -> incorporate(args);
            case "without_identifier" -> (JinjaCallable) (ctx, args) ->
                    new RelationValue(database, schema, identifier, type, quote, new boolean[] {include[0], include[1], false}, quoteChar);
            case "replace_path" -> (JinjaCallable) (ctx, args) -> replacePath(args.keywords());
            case "get" -> (JinjaCallable) (ctx, args) -> {
                Object v = getAttr(String.valueOf(args.get(0, "key", "")));
                return v == MISSING ? args.get(1, "default", null) : v;
            };
            default -> MISSING;
        };
    }

    private static Object nullToNone(String s) {
        return s == null ? "" : s;
    }

    private RelationValue include(Arguments args) {
        boolean[] inc = include.clone();
        inc[0] = bool(args.get(0, "database", inc[0]));
        inc[1] = bool(args.get(1, "schema", inc[1]));
        inc[2] = bool(args.get(2, "identifier", inc[2]));
        return new RelationValue(database, schema, identifier, type, quote, inc, quoteChar);
    }

    private RelationValue quote(Arguments args) {
        boolean[] q = quote.clone();
        q[0] = bool(args.get(0, "database", q[0]));
        q[1] = bool(args.get(1, "schema", q[1]));
        q[2] = bool(args.get(2, "identifier", q[2]));
        return new RelationValue(database, schema, identifier, type, q, include, quoteChar);
    }

    private RelationValue incorporate(Arguments args) {
        RelationValue out = this;
        Object path = args.get(0, "path", null);
        if (path instanceof Map<?, ?> m) {
            out = out.replacePath(m);
        }
        Object newType = args.get(1, "type", null);
        if (newType != null) {
            out = out.withType(newType.toString());
        }
        return out;
    }

    private RelationValue replacePath(Map<?, ?> m) {
        String db = m.containsKey("database") ? str(m.get("database")) : database;
        String sc = m.containsKey("schema") ? str(m.get("schema")) : schema;
        String id = m.containsKey("identifier") ? str(m.get("identifier")) : identifier;
        return new RelationValue(db, sc, id, type, quote, include, quoteChar);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o != null;
    }

    @Override
    public String str() {
        return renderLimited();
    }

    @Override
    public String repr() {
        return "<" + (type == null ? "" : type.substring(0, 1).toUpperCase() + type.substring(1)) + "Relation " + render() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RelationValue r && Objects.equals(render(), r.render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    @Override
    public String toString() {
        return render();
    }
}

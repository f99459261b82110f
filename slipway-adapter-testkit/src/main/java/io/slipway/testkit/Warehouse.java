package io.slipway.testkit;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterFactory;
import io.slipway.adapter.AdapterSettings;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.RelationInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The warehouse of a profile target, opened through its adapter (found as the engine finds it) so a test
 * reads what a run left behind in any warehouse the same way. Open it after a run finished: DuckDB lets
 * one holder at a time open a database file.
 */
public final class Warehouse implements AutoCloseable {
    private final Adapter adapter;
    private final AdapterConnection connection;

    private Warehouse(Adapter adapter) {
        this.adapter = adapter;
        try {
            this.connection = adapter.open("test");
        } catch (RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    /** Opens the warehouse a profiles.yml target describes; relative paths resolve against {@code projectDir}. */
    public static Warehouse open(Map<String, Object> target, Path projectDir) {
        String type = String.valueOf(target.get("type"));
        for (AdapterFactory factory : ServiceLoader.load(AdapterFactory.class)) {
            if (factory.type().equals(type)) {
                return new Warehouse(factory.create(new AdapterSettings("dev", target, projectDir)));
            }
        }
        throw new IllegalStateException("no adapter of type '" + type + "' on the class path");
    }

    public Adapter adapter() {
        return adapter;
    }

    public AdapterConnection connection() {
        return connection;
    }

    /** The rows of a query, as Java values. */
    public List<List<Object>> rows(String sql) {
        return connection.execute(sql, true, -1).rows();
    }

    /** The only value of a one-row, one-column query. */
    public Object value(String sql) {
        List<List<Object>> rows = rows(sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    /** A relation of the target's database, quoted: {@code "db"."schema"."name"}. */
    public String relation(String schema, String identifier) {
        return adapter.quote(adapter.defaultDatabase()) + "." + adapter.quote(schema) + "." + adapter.quote(identifier);
    }

    public Optional<RelationInfo> find(String schema, String identifier) {
        return connection.getRelation(null, schema, identifier);
    }

    public List<RelationInfo> relations(String schema) {
        return connection.listRelations(null, schema);
    }

    public List<ColumnInfo> columns(String schema, String identifier) {
        return connection.getColumns(null, schema, identifier);
    }

    /** Row count and order-independent checksum of a relation. */
    public TableDigest digest(String schema, String identifier) {
        return TableDigest.of(rows("select * from " + relation(schema, identifier)));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            adapter.close();
        }
    }
}

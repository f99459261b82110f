package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.QueryResult;
import io.slipway.adapter.RelationInfo;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connection that reports each warehouse call as a debug event with its duration ({@code E001}), so
 * logs show the SQL that ran and benchmarks can tell the engine's own time from the warehouse's.
 */
final class ObservedConnection implements AdapterConnection {
    private final AdapterConnection delegate;
    private final EventSink events;

    ObservedConnection(AdapterConnection delegate, EventSink events) {
        this.delegate = delegate;
        this.events = events;
    }

    private <T> T timed(String what, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            double seconds = (System.nanoTime() - started) / 1e9;
            events.emit(Event.of(EventCode.E001_SQL, Level.DEBUG, what, Map.of("elapsed", seconds)));
        }
    }

    private void timed(String what, Runnable call) {
        timed(what, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public QueryResult execute(String sql, boolean fetch, int limit) {
        return timed(sql, () -> delegate.execute(sql, fetch, limit));
    }

    @Override
    public void begin() {
        delegate.begin();
    }

    @Override
    public void commit() {
        timed("commit", delegate::commit);
    }

    @Override
    public void rollback() {
        timed("rollback", delegate::rollback);
    }

    @Override
    public boolean inTransaction() {
        return delegate.inTransaction();
    }

    @Override
    public void cancel() {
        delegate.cancel();
    }

    @Override
    public Optional<RelationInfo> getRelation(String database, String schema, String identifier) {
        return timed("get relation " + schema + "." + identifier, () -> delegate.getRelation(database, schema, identifier));
    }

    @Override
    public List<RelationInfo> listRelations(String database, String schema) {
        return timed("list relations in " + schema, () -> delegate.listRelations(database, schema));
    }

    @Override
    public List<ColumnInfo> getColumns(String database, String schema, String identifier) {
        return timed("columns of " + schema + "." + identifier, () -> delegate.getColumns(database, schema, identifier));
    }

    @Override
    public void createSchema(String database, String schema) {
        timed("create schema " + schema, () -> delegate.createSchema(database, schema));
    }

    @Override
    public void dropSchema(String database, String schema) {
        timed("drop schema " + schema, () -> delegate.dropSchema(database, schema));
    }

    @Override
    public long insertRows(String relation, List<String> columns, List<List<Object>> rows) {
        return timed("insert " + rows.size() + " rows into " + relation, () -> delegate.insertRows(relation, columns, rows));
    }

    @Override
    public void close() {
        delegate.close();
    }
}

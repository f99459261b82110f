package io.slipway.adapter;

import java.util.List;
import java.util.Optional;

/**
 * One session with the warehouse, used by one thread at a time. {@link #cancel()} may be called from any
 * thread and stops the statement in flight.
 */
public interface AdapterConnection extends AutoCloseable {
    /**
     * Runs one statement (or a script the warehouse accepts in one call).
     *
     * @param fetch whether to return the rows
     * @param limit the most rows to fetch, or -1 for all
     * @throws AdapterException with {@link AdapterErrorCode#DATABASE_ERROR} (the warehouse's message) or
     *                          {@link AdapterErrorCode#CANCELLED}
     */
    QueryResult execute(String sql, boolean fetch, int limit);

    default QueryResult execute(String sql) {
        return execute(sql, false, -1);
    }

    /** Starts a transaction (no-op if one is open). */
    void begin();

    /** Commits the open transaction (no-op if none). */
    void commit();

    /** Rolls back the open transaction (no-op if none). */
    void rollback();

    /** Whether a transaction is open. */
    boolean inTransaction();

    /** Stops the statement running on this connection, if any. Safe from any thread. */
    void cancel();

    /** The relation with exactly these parts, if it exists (database may be null for the default). */
    Optional<RelationInfo> getRelation(String database, String schema, String identifier);

    /** Every relation in a schema. */
    List<RelationInfo> listRelations(String database, String schema);

    /** The columns of a relation in ordinal order; empty if it does not exist. */
    List<ColumnInfo> getColumns(String database, String schema, String identifier);

    /** Creates the schema if it does not exist. */
    void createSchema(String database, String schema);

    /** Drops the schema and everything in it, if it exists. */
    void dropSchema(String database, String schema);

    /**
     * Inserts rows into an existing table in batches (seeds).
     *
     * @param relation the quoted relation name
     * @param columns  the quoted column names
     * @param rows     values: String, Long, Double, BigDecimal, Boolean, LocalDate, LocalDateTime, null
     * @return rows inserted
     */
    long insertRows(String relation, List<String> columns, List<List<Object>> rows);

    @Override
    void close();
}

package io.slipway.adapter.jdbc;

import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.QueryResult;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@link AdapterConnection} over one JDBC connection. Subclasses supply the catalog queries of their
 * warehouse. The statement in flight is remembered so {@link #cancel()} can stop it from another thread.
 */
public abstract class JdbcConnection implements AdapterConnection {
    private static final int INSERT_BATCH = 10_000;

    private final Connection connection;
    private volatile Statement running;
    private volatile boolean cancelled;
    private boolean transaction;

    protected JdbcConnection(Connection connection) {
        this.connection = connection;
    }

    protected final Connection connection() {
        return connection;
    }

    /** Query with parameters (database, schema, identifier) returning (column name, data type) in ordinal order. */
    protected abstract String columnsQuery();

    /** The database to use when a caller passes none. */
    protected abstract String resolveDatabase(String database);

    @Override
    public QueryResult execute(String sql, boolean fetch, int limit) {
        cancelled = false;
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (fetch && limit > 0) {
                statement.setMaxRows(limit);
            }
            boolean hasResults = statement.execute(sql);
            if (hasResults) {
                try (ResultSet rs = statement.getResultSet()) {
                    return fetch ? readAll(rs, limit) : countRows(rs);
                }
            }
            long updated = statement.getLargeUpdateCount();
            return QueryResult.ofMessage("OK", statementKind(sql), updated);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            running = null;
        }
    }

    private QueryResult countRows(ResultSet rs) throws SQLException {
        long n = 0;
        while (rs.next()) {
            n++;
        }
        return QueryResult.ofMessage("OK", "SELECT", n);
    }

    private QueryResult readAll(ResultSet rs, int limit) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        List<ColumnInfo> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new ColumnInfo(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        while ((limit < 0 || rows.size() < limit) && rs.next()) {
            List<Object> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(readValue(rs, i, meta));
            }
            rows.add(row);
        }
        return new QueryResult("OK", "SELECT", rows.size(), columns, rows);
    }

    /** One value of the current row; a warehouse whose driver maps a type poorly reads it its own way. */
    protected Object readValue(ResultSet rs, int column, ResultSetMetaData meta) throws SQLException {
        return toJava(rs.getObject(column));
    }

    /** Plain Java values the template engine understands; anything else becomes its text. */
    protected Object toJava(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof java.time.OffsetDateTime
                || value instanceof java.time.LocalTime) {
            return value;
        }
        if (value instanceof java.sql.Array a) {
            Object[] items = (Object[]) a.getArray();
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(toJava(item));
            }
            return list;
        }
        return value.toString();
    }

    private static String statementKind(String sql) {
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return end == 0 ? null : s.substring(0, end).toUpperCase(Locale.ROOT);
    }

    protected AdapterException translate(SQLException e) {
        if (cancelled) {
            return new AdapterException(AdapterErrorCode.CANCELLED, "statement cancelled", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new AdapterException(AdapterErrorCode.DATABASE_ERROR, message.strip(), e);
    }

    @Override
    public void begin() {
        if (transaction) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            transaction = true;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public void commit() {
        end(true);
    }

    @Override
    public void rollback() {
        end(false);
    }

    /** Ends the open transaction, if any, and returns the connection to auto-commit. */
    private void end(boolean commit) {
        if (!transaction) {
            return;
        }
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            transaction = false;
        }
    }

    @Override
    public boolean inTransaction() {
        return transaction;
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // the statement may have finished meanwhile; nothing to cancel then
            }
        }
    }

    @Override
    public List<ColumnInfo> getColumns(String database, String schema, String identifier) {
        try (PreparedStatement ps = connection.prepareStatement(columnsQuery())) {
            ps.setString(1, resolveDatabase(database));
            ps.setString(2, schema);
            ps.setString(3, identifier);
            List<ColumnInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ColumnInfo(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Override
    public long insertRows(String relation, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("insert into ").append(relation).append(" (")
                .append(String.join(", ", columns)).append(") values (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        long inserted = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            running = ps;
            int pending = 0;
            for (List<Object> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(ps, i + 1, row.get(i));
                }
                ps.addBatch();
                if (++pending == INSERT_BATCH) {
                    ps.executeBatch();
                    inserted += pending;
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                inserted += pending;
            }
            return inserted;
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            running = null;
        }
    }

    /** Binds a seed value; dates and timestamps go as ISO text and the warehouse casts them to the column's type. */
    protected void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof LocalDate d) {
            ps.setString(index, d.toString());
        } else if (value instanceof LocalDateTime t) {
            ps.setString(index, t.toString().replace('T', ' '));
        } else if (value instanceof BigDecimal d && (d.scale() < 0 || d.precision() > 38)) {
            // no DECIMAL holds it (1.5e300): such seed numbers go to a float column
            ps.setDouble(index, d.doubleValue());
        } else {
            ps.setObject(index, value);
        }
    }

    @Override
    public void close() {
        try {
            if (transaction) {
                connection.rollback();
            }
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection cannot be done better
        }
    }
}

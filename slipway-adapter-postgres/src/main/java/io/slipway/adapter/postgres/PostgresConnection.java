package io.slipway.adapter.postgres;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.RelationInfo;
import io.slipway.adapter.RelationType;
import io.slipway.adapter.jdbc.JdbcConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One PostgreSQL session, borrowed from the adapter's pool (closing it returns it). Relations are looked
 * up in {@code pg_catalog} with dbt-postgres's case rules: names are matched exactly, and a relation that
 * differs only in case is an error rather than a guess.
 */
final class PostgresConnection extends JdbcConnection {
    private static final String RELATIONS = "select n.nspname, c.relname, c.relkind from pg_catalog.pg_class c"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p', 'v', 'm', 'f') and lower(n.nspname) = lower(?)";
    private static final String COLUMNS = "select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)"
            + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where a.attnum > 0 and not a.attisdropped and c.relname = ? and %s"
            + " order by a.attnum";
    private static final int COPY_CHUNK = 1 << 16;

    private final String database;
    private final PGConnection pg;
    private volatile boolean copying;

    PostgresConnection(Connection connection, String database) throws SQLException {
        super(connection);
        this.database = database;
        this.pg = connection.unwrap(PGConnection.class);
    }

    @Override
    public Optional<RelationInfo> getRelation(String database, String schema, String identifier) {
        verifyDatabase(database);
        List<RelationInfo> candidates = queryRelations(schema, identifier);
        RelationInfo exact = null;
        for (RelationInfo r : candidates) {
            if (r.schema().equals(schema) && r.identifier().equals(identifier)) {
                exact = r;
            } else {
                throw new AdapterException(AdapterErrorCode.DATABASE_ERROR,
                        "When searching for a relation, Slipway found an approximate match. Instead of guessing which relation to use,"
                                + " it stops here. Please delete " + render(r) + ", or rename it to be less ambiguous.\nSearched for: "
                                + render(new RelationInfo(this.database, schema, identifier, r.type())) + "\nFound: " + render(r));
            }
        }
        return Optional.ofNullable(exact);
    }

    @Override
    public List<RelationInfo> listRelations(String database, String schema) {
        verifyDatabase(database);
        return queryRelations(schema, null);
    }

    private List<RelationInfo> queryRelations(String schema, String identifier) {
        String sql = RELATIONS + (identifier == null ? "" : " and lower(c.relname) = lower(?)") + " order by c.relname";
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, schema);
            if (identifier != null) {
                ps.setString(2, identifier);
            }
            List<RelationInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RelationInfo(database, rs.getString(1), rs.getString(2), relationType(rs.getString(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static RelationType relationType(String relkind) {
        return switch (relkind) {
            case "v" -> RelationType.VIEW;
            case "m" -> RelationType.MATERIALIZED_VIEW;
            case "f" -> RelationType.EXTERNAL;
            default -> RelationType.TABLE;
        };
    }

    private static String render(RelationInfo r) {
        return quote(r.database()) + "." + quote(r.schema()) + "." + quote(r.identifier());
    }

    /** Columns with their types as PostgreSQL spells them ({@code character varying(20)}, {@code numeric(10,2)}). */
    @Override
    public List<ColumnInfo> getColumns(String database, String schema, String identifier) {
        verifyDatabase(database);
        // a temporary relation has no schema: the one the session sees by its name
        String sql = String.format(COLUMNS, schema == null ? "pg_catalog.pg_table_is_visible(c.oid)" : "n.nspname = ?");
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, identifier);
            if (schema != null) {
                ps.setString(2, schema);
            }
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
    protected String columnsQuery() {
        throw new UnsupportedOperationException("getColumns is overridden");
    }

    @Override
    protected String resolveDatabase(String database) {
        return database == null ? this.database : database;
    }

    /** PostgreSQL cannot reach another database from a session, so naming one is a mistake to report, as dbt-postgres does. */
    private void verifyDatabase(String requested) {
        if (requested != null && !requested.isEmpty() && !requested.replace("\"", "").equals(database)) {
            throw new AdapterException(AdapterErrorCode.DATABASE_ERROR,
                    "Cross-db references not allowed in postgres (" + requested + " vs " + database + ")");
        }
    }

    @Override
    public void createSchema(String database, String schema) {
        verifyDatabase(database);
        execute("create schema if not exists " + quote(schema));
    }

    @Override
    public void dropSchema(String database, String schema) {
        verifyDatabase(database);
        execute("drop schema if exists " + quote(schema) + " cascade");
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Seeds go in with one COPY ... FROM STDIN in CSV, inside the transaction the seed materialization opened. */
    @Override
    public long insertRows(String relation, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = "copy " + relation + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        CopyIn copy = null;
        copying = true;
        try {
            copy = pg.getCopyAPI().copyIn(sql);
            StringBuilder chunk = new StringBuilder(COPY_CHUNK + 1024);
            for (List<Object> row : rows) {
                CsvRows.append(chunk, row);
                if (chunk.length() >= COPY_CHUNK) {
                    write(copy, chunk);
                }
            }
            write(copy, chunk);
            return copy.endCopy();
        } catch (SQLException e) {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the error that stopped the copy is the one to report
                }
            }
            throw translate(e);
        } finally {
            copying = false;
        }
    }

    private static void write(CopyIn copy, StringBuilder chunk) throws SQLException {
        if (chunk.length() > 0) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    @Override
    public void cancel() {
        super.cancel();
        if (copying) {
            try {
                pg.cancelQuery();
            } catch (SQLException e) {
                // the copy may have ended meanwhile
            }
        }
    }

    /**
     * Dates and times read as java.time values directly: through java.sql.Timestamp they would shift with the
     * JVM's time zone, and {@code timestamptz} would lose its instant.
     */
    @Override
    protected Object readValue(ResultSet rs, int column, ResultSetMetaData meta) throws SQLException {
        String type = meta.getColumnTypeName(column);
        return switch (type) {
            case "timestamptz" -> rs.getObject(column, OffsetDateTime.class);
            case "timestamp" -> rs.getObject(column, LocalDateTime.class);
            case "date" -> rs.getObject(column, LocalDate.class);
            case "time" -> rs.getObject(column, LocalTime.class);
            case "timetz", "interval" -> rs.getString(column);
            default -> super.readValue(rs, column, meta);
        };
    }
}

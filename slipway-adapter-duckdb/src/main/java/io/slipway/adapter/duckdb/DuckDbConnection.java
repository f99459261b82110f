package io.slipway.adapter.duckdb;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.jdbc.JdbcConnection;
import io.slipway.adapter.RelationInfo;
import io.slipway.adapter.RelationType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One DuckDB session (a duplicate of the adapter's root connection). */
final class DuckDbConnection extends JdbcConnection {
    private final String defaultDatabase;

    DuckDbConnection(Connection connection, String defaultDatabase) {
        super(connection);
        this.defaultDatabase = defaultDatabase;
    }

    @Override
    public Optional<RelationInfo> getRelation(String database, String schema, String identifier) {
        List<RelationInfo> found = queryRelations(database, schema, identifier);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<RelationInfo> listRelations(String database, String schema) {
        return queryRelations(database, schema, null);
    }

    private List<RelationInfo> queryRelations(String database, String schema, String identifier) {
        // DuckDB matches identifiers case-insensitively, and so does dbt's relation cache
        String sql = "select table_catalog, table_schema, table_name, table_type from information_schema.tables"
                + " where lower(table_catalog) = lower(?) and lower(table_schema) = lower(?)"
                + (identifier == null ? "" : " and lower(table_name) = lower(?)")
                + " order by table_name";
        try (PreparedStatement ps = connection().prepareStatement(sql)) {
            ps.setString(1, database == null ? defaultDatabase : database);
            ps.setString(2, schema);
            if (identifier != null) {
                ps.setString(3, identifier);
            }
            List<RelationInfo> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RelationType type = "VIEW".equalsIgnoreCase(rs.getString(4)) ? RelationType.VIEW : RelationType.TABLE;
                    out.add(new RelationInfo(rs.getString(1), rs.getString(2), rs.getString(3), type));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AdapterException(AdapterErrorCode.DATABASE_ERROR, e.getMessage(), e);
        }
    }

    @Override
    protected String columnsQuery() {
        return "select column_name, data_type from information_schema.columns"
                + " where lower(table_catalog) = lower(?) and lower(table_schema) = lower(?) and lower(table_name) = lower(?)"
                + " order by ordinal_position";
    }

    @Override
    protected String resolveDatabase(String database) {
        return database == null ? defaultDatabase : database;
    }

    @Override
    public void createSchema(String database, String schema) {
        execute("create schema if not exists " + qualify(database, schema));
    }

    @Override
    public void dropSchema(String database, String schema) {
        execute("drop schema if exists " + qualify(database, schema) + " cascade");
    }

    private String qualify(String database, String schema) {
        return quote(resolveDatabase(database)) + "." + quote(schema);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package io.slipway.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** A project's DuckDB database as it was at one moment: a copy taken after a command, queried later by the tests. */
final class Warehouse {
    private static final AtomicInteger COPIES = new AtomicInteger();

    private Warehouse() {
    }

    /** Copies the database file (taken after the CLI closed it) so later commands do not change what the tests read. */
    static State read(Path database) {
        try {
            Path copy = database.resolveSibling("state-" + COPIES.incrementAndGet() + ".duckdb");
            Files.copy(database, copy);
            return new State(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database at one moment. */
    record State(Path file) {
        /** The first column of each row, as text ({@code null} for nulls). */
        List<String> query(String sql) {
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }

        /** A table's columns as {@code name TYPE}, in order. */
        List<String> columns(String table) {
            return query("select column_name || ' ' || data_type from information_schema.columns where table_name = '" + table
                    + "' order by ordinal_position");
        }
    }
}

package io.slipway.adapter.duckdb;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.SeedColumnKind;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB behind the adapter boundary. DuckDB allows one process to open a database file once, so the
 * adapter holds one root connection and hands each thread a duplicate of it.
 */
public final class DuckDbAdapter implements Adapter {
    private static final List<String> MACROS = List.of(
            "io/slipway/adapter/duckdb/macros/adapters.sql",
            "io/slipway/adapter/duckdb/macros/incremental.sql",
            "io/slipway/adapter/duckdb/macros/snapshot.sql",
            "io/slipway/adapter/duckdb/macros/freshness.sql",
            "io/slipway/adapter/duckdb/macros/catalog.sql");

    /** MERGE arrived in DuckDB 1.4; the bundled driver is newer, so merge is always there (as dbt-duckdb decides by version). */
    private static final List<String> INCREMENTAL_STRATEGIES = List.of("append", "delete+insert", "merge", "microbatch");

    private final DuckDbSettings settings;
    private final Object lock = new Object();
    private DuckDBConnection root; // guarded by lock; opened on first use

    DuckDbAdapter(DuckDbSettings settings) {
        this.settings = settings;
    }

    @Override
    public String type() {
        return "duckdb";
    }

    @Override
    public List<String> macroResources() {
        return MACROS;
    }

    @Override
    public String defaultDatabase() {
        return settings.database();
    }

    @Override
    public String defaultSchema() {
        return settings.schema();
    }

    @Override
    public Map<String, Object> targetContext() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", settings.targetName());
        target.put("type", "duckdb");
        target.put("schema", settings.schema());
        target.put("database", settings.database());
        target.put("path", settings.path() == null ? ":memory:" : settings.path().toString());
        target.put("threads", (long) settings.threads());
        target.put("profile_name", settings.raw().getOrDefault("profile_name", null));
        return target;
    }

    @Override
    public boolean subqueryNeedsAlias() {
        return false;
    }

    @Override
    public List<String> validIncrementalStrategies() {
        return INCREMENTAL_STRATEGIES;
    }

    @Override
    public String seedColumnType(SeedColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "integer";
            case NUMBER -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamp";
            case TEXT -> "text";
        };
    }

    @Override
    public AdapterConnection open(String name) {
        try {
            Connection connection;
            synchronized (lock) {
                if (root == null) {
                    root = openRoot();
                }
                connection = root.duplicate();
            }
            return new DuckDbConnection(connection, settings.database());
        } catch (SQLException e) {
            throw new AdapterException(AdapterErrorCode.CONNECTION_FAILED,
                    "could not open DuckDB database " + describe() + ": " + e.getMessage(), e);
        }
    }

    private DuckDBConnection openRoot() throws SQLException {
        String url = "jdbc:duckdb:";
        if (settings.path() != null) {
            try {
                Files.createDirectories(settings.path().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new AdapterException(AdapterErrorCode.CONNECTION_FAILED,
                        "could not create the folder of DuckDB database " + describe() + ": " + e.getMessage(), e);
            }
            url += settings.path();
        }
        return (DuckDBConnection) DriverManager.getConnection(url);
    }

    private String describe() {
        return settings.path() == null ? "in memory" : "'" + settings.path() + "'";
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (root != null) {
                try {
                    root.close();
                } catch (SQLException e) {
                    // closing a database that failed is not worth failing the run for
                }
                root = null;
            }
        }
    }
}

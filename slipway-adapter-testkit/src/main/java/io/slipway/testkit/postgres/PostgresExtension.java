package io.slipway.testkit.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a test class its own PostgreSQL database. The server is started once per test JVM (kept in the
 * root extension store, which closes it when the run ends), unless {@code SLIPWAY_TEST_POSTGRES_URL}
 * names an external server. Register it as a static field:
 * <pre>{@code @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();}</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private volatile PostgresDatabase database;

    /** The test class's database; available from {@code @BeforeAll} on. */
    public PostgresDatabase database() {
        if (database == null) {
            throw new IllegalStateException("the PostgreSQL database is made before all tests: register PostgresExtension as a static field");
        }
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        PostgresServer server = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent("server", key -> startServer(), PostgresServer.class);
        // PostgreSQL cuts names at 63 bytes, so the class name is shortened
        String className = context.getRequiredTestClass().getSimpleName();
        String name = ("slipway_" + className.substring(0, Math.min(className.length(), 32)) + "_" + ProcessHandle.current().pid() + "_"
                + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection c = server.connect(server.adminDatabase()); Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        }
        database = new PostgresDatabase(server, name);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        PostgresDatabase db = database;
        database = null;
        if (db == null) {
            return;
        }
        try (Connection c = db.server().connect(db.server().adminDatabase()); Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db.name() + "' and pid <> pg_backend_pid()");
            s.execute("drop database if exists \"" + db.name() + "\"");
        }
    }

    private static PostgresServer startServer() {
        String url = System.getenv(ExternalPostgresServer.ENV);
        if (url != null && !url.isBlank()) {
            return ExternalPostgresServer.parse(url);
        }
        return EmbeddedPostgresServer.start();
    }
}

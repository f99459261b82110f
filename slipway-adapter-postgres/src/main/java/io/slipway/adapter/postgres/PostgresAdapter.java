package io.slipway.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.SeedColumnKind;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL behind the adapter boundary. Connections come from a pool sized for the target's threads
 * (plus the run's own connections for schemas and hooks); the pool is made on the first {@link #open}, so
 * creating the adapter never connects.
 */
public final class PostgresAdapter implements Adapter {
    private static final List<String> MACROS = List.of(
            "io/slipway/adapter/postgres/macros/adapters.sql",
            "io/slipway/adapter/postgres/macros/incremental.sql",
            "io/slipway/adapter/postgres/macros/snapshot.sql",
            "io/slipway/adapter/postgres/macros/freshness.sql",
            "io/slipway/adapter/postgres/macros/catalog.sql");
    /** dbt-postgres's strategies. */
    private static final List<String> INCREMENTAL_STRATEGIES = List.of("append", "delete+insert", "merge", "microbatch");
    /** Connections a run holds besides one per thread: schema creation, hooks, a show or debug query. */
    private static final int EXTRA_CONNECTIONS = 2;

    private final PostgresSettings settings;
    private final Object lock = new Object();
    private HikariDataSource pool; // guarded by lock; made on first use

    PostgresAdapter(PostgresSettings settings) {
        this.settings = settings;
    }

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public List<String> macroResources() {
        return MACROS;
    }

    @Override
    public String defaultDatabase() {
        return settings.dbname();
    }

    @Override
    public String defaultSchema() {
        return settings.schema();
    }

    /** dbt-postgres's connection keys, with {@code dbname} under both its names and never the password. */
    @Override
    public Map<String, Object> targetContext() {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("name", settings.targetName());
        target.put("type", "postgres");
        target.put("host", settings.host());
        target.put("port", (long) settings.port());
        target.put("user", settings.user());
        target.put("database", settings.dbname());
        target.put("dbname", settings.dbname());
        target.put("schema", settings.schema());
        target.put("threads", (long) settings.threads());
        target.put("connect_timeout", (long) settings.connectTimeout());
        target.put("role", settings.role());
        target.put("search_path", settings.searchPath());
        target.put("keepalives_idle", (long) settings.keepalivesIdle());
        target.put("sslmode", settings.sslmode());
        target.put("application_name", settings.applicationName());
        return target;
    }

    /** MERGE needs PostgreSQL 15 or later, as with dbt-postgres. */
    @Override
    public List<String> validIncrementalStrategies() {
        return INCREMENTAL_STRATEGIES;
    }

    /** dbt's SQL adapter types, which dbt-postgres keeps. */
    @Override
    public String seedColumnType(SeedColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "integer";
            case NUMBER -> "float8";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamp without time zone";
            case TEXT -> "text";
        };
    }

    @Override
    public AdapterConnection open(String name) {
        try {
            HikariDataSource source;
            synchronized (lock) {
                if (pool == null) {
                    pool = createPool();
                }
                source = pool;
            }
            Connection connection = source.getConnection();
            return new PostgresConnection(connection, settings.dbname());
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailures.describe(settings, e);
        }
    }

    private HikariDataSource createPool() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {settings.host()});
        source.setPortNumbers(new int[] {settings.port()});
        source.setDatabaseName(settings.dbname());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        source.setApplicationName(settings.applicationName());
        source.setConnectTimeout(settings.connectTimeout());
        source.setLoginTimeout(settings.connectTimeout());
        source.setTcpKeepAlive(settings.keepalivesIdle() > 0);
        if (settings.sslmode() != null) {
            source.setSslMode(settings.sslmode());
        }
        if (settings.sslcert() != null) {
            source.setSslCert(settings.sslcert());
        }
        if (settings.sslkey() != null) {
            source.setSslKey(settings.sslkey());
        }
        if (settings.sslrootcert() != null) {
            source.setSslRootCert(settings.sslrootcert());
        }
        if (settings.searchPath() != null) {
            // as dbt-postgres passes it: a server option, spaces escaped for the options syntax
            source.setOptions("-c search_path=" + settings.searchPath().replace(" ", "\\ "));
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("slipway-postgres-" + settings.targetName());
        config.setMaximumPoolSize(settings.threads() + EXTRA_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setAutoCommit(true);
        // the first connection is tried at once, so a wrong password or host fails the first open with the driver's reason
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(Math.max(30_000L, settings.connectTimeout() * 1000L + 5_000L));
        if (settings.role() != null) {
            // as dbt-postgres: the role as written, unquoted
            config.setConnectionInitSql("set role " + settings.role());
        }
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
    }
}

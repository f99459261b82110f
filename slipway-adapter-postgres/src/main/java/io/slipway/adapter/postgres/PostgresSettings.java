package io.slipway.adapter.postgres;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.AdapterSettings;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A PostgreSQL target with dbt-postgres's profile fields: {@code host}, {@code port} (5432), {@code user},
 * {@code password}, {@code dbname} (or {@code database}), {@code schema}, {@code threads} (1),
 * {@code connect_timeout} (10 s), {@code keepalives_idle}, {@code search_path}, {@code role},
 * {@code sslmode}, {@code sslcert}, {@code sslkey}, {@code sslrootcert} and {@code application_name}.
 *
 * @param keepalivesIdle seconds; above 0 turns TCP keepalives on (the JDBC driver has no per-connection idle time)
 * @param searchPath     null for the server's default
 * @param role           the role to {@code set role} to after connecting, or null
 * @param sslmode        libpq's modes (disable, allow, prefer, require, verify-ca, verify-full), or null for the driver's default
 */
public record PostgresSettings(String targetName, String host, int port, String user, String password, String dbname, String schema,
                               int threads, int connectTimeout, int keepalivesIdle, String searchPath, String role, String sslmode,
                               String sslcert, String sslkey, String sslrootcert, String applicationName) {
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public PostgresSettings {
        Objects.requireNonNull(targetName, "targetName is null");
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(dbname, "dbname is null");
        Objects.requireNonNull(schema, "schema is null");
    }

    static PostgresSettings from(AdapterSettings settings) {
        String host = required(settings, "host");
        String user = required(settings, "user");
        String dbname = settings.string("dbname", settings.string("database", null));
        if (dbname == null || dbname.isBlank()) {
            throw invalid("a postgres target needs 'dbname' (or 'database'): the database to connect to");
        }
        String schema = required(settings, "schema");
        int port = settings.integer("port", 5432);
        if (port < 1 || port > 65535) {
            throw invalid("profile setting 'port' must be between 1 and 65535, got " + port);
        }
        int threads = settings.integer("threads", 1);
        if (threads < 1) {
            throw invalid("profile setting 'threads' must be at least 1, got " + threads);
        }
        int connectTimeout = settings.integer("connect_timeout", 10);
        if (connectTimeout < 0) {
            throw invalid("profile setting 'connect_timeout' must be 0 or more seconds, got " + connectTimeout);
        }
        String sslmode = blankToNull(settings.string("sslmode", null));
        if (sslmode != null) {
            sslmode = sslmode.toLowerCase(Locale.ROOT);
            if (!SSL_MODES.contains(sslmode)) {
                throw invalid("profile setting 'sslmode' must be one of disable, allow, prefer, require, verify-ca, verify-full; got '"
                        + sslmode + "'");
            }
        }
        return new PostgresSettings(settings.targetName(), host, port, user, settings.string("password", settings.string("pass", "")),
                dbname, schema, threads, connectTimeout, settings.integer("keepalives_idle", 0),
                blankToNull(settings.string("search_path", null)), blankToNull(settings.string("role", null)), sslmode,
                blankToNull(settings.string("sslcert", null)), blankToNull(settings.string("sslkey", null)),
                blankToNull(settings.string("sslrootcert", null)), settings.string("application_name", "slipway"));
    }

    private static String required(AdapterSettings settings, String key) {
        String value = settings.string(key, null);
        if (value == null || value.isBlank()) {
            throw invalid("a postgres target needs '" + key + "'");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static AdapterException invalid(String message) {
        return new AdapterException(AdapterErrorCode.INVALID_PROFILE, message);
    }

    /** {@code host:port} as people write it, with brackets around an IPv6 address. */
    String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}

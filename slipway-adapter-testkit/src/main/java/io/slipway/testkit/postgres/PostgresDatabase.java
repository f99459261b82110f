package io.slipway.testkit.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One database of a test server, made for one test class.
 *
 * @param name the database's name
 */
public record PostgresDatabase(PostgresServer server, String name) {
    /** A plain JDBC connection to this database, as the superuser. */
    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** A {@code profiles.yml} target of {@code type: postgres} for this database. */
    public Map<String, Object> target(String schema, int threads) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "postgres");
        target.put("host", server.host());
        target.put("port", server.port());
        target.put("user", server.user());
        target.put("password", server.password());
        target.put("dbname", name);
        target.put("schema", schema);
        target.put("threads", threads);
        return target;
    }
}

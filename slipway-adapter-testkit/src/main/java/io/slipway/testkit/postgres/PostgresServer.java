package io.slipway.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A PostgreSQL server tests connect to as a superuser: started by the test JVM, or an external one. */
public interface PostgresServer extends AutoCloseable {
    String host();

    int port();

    String user();

    String password();

    /** The database to connect to for creating and dropping the tests' databases. */
    String adminDatabase();

    /** A plain JDBC connection to one database of this server, as the superuser. */
    default Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        props.setProperty("ApplicationName", "slipway-tests");
        return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database, props);
    }

    /** Stops the server if this JVM started it; an external server is left running. */
    @Override
    void close();
}

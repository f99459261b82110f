package io.slipway.testkit.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresExtensionTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void eachClassGetsItsOwnDatabaseOnARealServer() throws SQLException {
        try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_database(), current_setting('server_version_num')::int")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(POSTGRES.database().name()).startsWith("slipway_postgresextensiontest_");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(120000);
        }
    }
}

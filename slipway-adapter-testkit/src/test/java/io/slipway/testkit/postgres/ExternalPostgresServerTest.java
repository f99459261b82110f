package io.slipway.testkit.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalPostgresServerTest {
    @Test
    void readsLibpqUris() {
        assertThat(ExternalPostgresServer.parse("postgresql://ci:s%40cret@db.example:6543/admin"))
                .isEqualTo(new ExternalPostgresServer("db.example", 6543, "ci", "s@cret", "admin"));
        assertThat(ExternalPostgresServer.parse("postgres://localhost"))
                .isEqualTo(new ExternalPostgresServer("localhost", 5432, "postgres", "", "postgres"));
    }

    @Test
    void readsJdbcUrls() {
        assertThat(ExternalPostgresServer.parse("jdbc:postgresql://127.0.0.1:5433/postgres?user=u&password=p%26q"))
                .isEqualTo(new ExternalPostgresServer("127.0.0.1", 5433, "u", "p&q", "postgres"));
    }

    @Test
    void refusesOtherUrls() {
        assertThatThrownBy(() -> ExternalPostgresServer.parse("mysql://localhost/db"))
                .hasMessageContaining("SLIPWAY_TEST_POSTGRES_URL must look like postgresql://user:password@host:5432/postgres");
    }
}

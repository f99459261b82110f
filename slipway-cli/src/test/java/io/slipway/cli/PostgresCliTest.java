package io.slipway.cli;

import io.slipway.testkit.TestProject;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The slipway command on a real PostgreSQL (started by the test JVM, or SLIPWAY_TEST_POSTGRES_URL). */
class PostgresCliTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path temp;

    @Test
    void theClassicJaffleShopShapeBuildsWithPass28() {
        Path dir = temp.resolve("classic");
        TestProject.copyOf(CliRunner.exampleProject(), dir, "jaffle_shop", POSTGRES.database().target("classic", 4))
                .delete("tests/assert_order_amounts_match_payments.sql");
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run(dir, "build", "--project-dir", dir.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Concurrency: 4 threads (target='dev')")
                .contains("Finished running 3 seeds, 3 view models, 2 table models, 20 data tests")
                .contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");
    }

    @Test
    void debugPrintsWhyTheConnectionFailed() {
        Path dir = temp.resolve("project");
        Map<String, Object> target = new LinkedHashMap<>(POSTGRES.database().target("debug", 1));
        target.put("password", "wrong");
        TestProject.create(dir, "pg", target);
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run(dir, "debug", "--project-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("  type: postgres")
                .contains("Connection test [ERROR password authentication failed for user 'postgres' on PostgreSQL at 127.0.0.1:")
                .contains("Check 'user' and 'password' in the profile.");
    }
}

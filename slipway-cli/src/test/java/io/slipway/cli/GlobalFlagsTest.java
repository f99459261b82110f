package io.slipway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's global flags that scripts and job definitions carry: {@code --profile} picks another profile,
 * {@code --warn-error} (and dbt's {@code --warn-error-options}) fails a test that would warn, {@code --no-write-json} writes no
 * artifacts, and logging/telemetry flags are accepted without effect.
 */
class GlobalFlagsTest {
    @Test
    void profileWarnErrorAndHarmlessFlags(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        Files.writeString(p.resolve("profiles.yml"), Files.readString(p.resolve("profiles.yml")) + """
                other:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: target/other.duckdb
                      schema: elsewhere
                      threads: 1
                """);
        Files.writeString(p.resolve("tests/warns.sql"), "{{ config(severity='warn') }}\nselect * from {{ ref('orders') }} where amount >= 0");
        CliRunner cli = new CliRunner(dir.resolve("home"));

        CliRunner.Result other = cli.run(p, "build", "--project-dir", p.toString(), "--profile", "other", "--no-version-check",
                "--use-colors", "--log-level", "info", "--printer-width", "80", "--send-anonymous-usage-stats");
        assertThat(other.exitCode()).as(other.all()).isZero();
        assertThat(other.out()).contains("WARN=1");
        assertThat(Warehouse.read(p.resolve("target/other.duckdb")).query("select count(*) from elsewhere.customers")).containsExactly("100");
        assertThat(p.resolve("target/jaffle_shop.duckdb")).doesNotExist();

        CliRunner.Result strict = cli.run(p, "test", "--project-dir", p.toString(), "--profile", "other", "--warn-error", "-s", "warns");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).containsPattern("FAIL \\d+ warns").contains("ERROR=1");

        // dbt's --warn-error-options: "all" with LogTestResult left as a warning, then all
        CliRunner.Result stillWarns = cli.run(p, "test", "--project-dir", p.toString(), "--profile", "other", "-s", "warns",
                "--warn-error-options", "{\"error\": \"all\", \"warn\": [\"LogTestResult\"]}");
        assertThat(stillWarns.exitCode()).as(stillWarns.all()).isZero();
        assertThat(stillWarns.out()).contains("WARN=1");
        CliRunner.Result allErrors = cli.run(p, "test", "--project-dir", p.toString(), "--profile", "other", "-s", "warns",
                "--warn-error-options", "{include: all}");
        assertThat(allErrors.exitCode()).isEqualTo(1);
        assertThat(cli.run(p, "test", "--project-dir", p.toString(), "--warn-error-options", "[all]").all())
                .contains("--warn-error-options must be a mapping");

        // --no-write-json: the run happens, no artifact is (re)written
        Files.delete(p.resolve("target/run_results.json"));
        Files.delete(p.resolve("target/manifest.json"));
        CliRunner.Result noJson = cli.run(p, "build", "--project-dir", p.toString(), "--profile", "other", "-s", "orders", "--no-write-json");
        assertThat(noJson.exitCode()).as(noJson.all()).isZero();
        assertThat(p.resolve("target/run_results.json")).doesNotExist();
        assertThat(p.resolve("target/manifest.json")).doesNotExist();

        CliRunner.Result unknownProfile = cli.run(p, "ls", "--project-dir", p.toString(), "--profile", "nope");
        assertThat(unknownProfile.exitCode()).isEqualTo(2);
        assertThat(unknownProfile.out()).contains("nope");
    }
}

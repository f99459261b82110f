package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental models that must fail, with dbt's messages: a strategy no macro implements, a built-in
 * strategy DuckDB does not support (both refused on the first build, before any SQL), and
 * {@code on_schema_change: fail} when the model gains a column (the table is left as it was).
 */
class IncrementalErrorsTest {
    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result first;
    static CliRunner.Result second;
    static Warehouse.State afterFirst;
    static Warehouse.State afterSecond;

    @BeforeAll
    static void runTwice() throws IOException, URISyntaxException {
        Path source = Path.of(IncrementalErrorsTest.class.getResource("/projects/incremental_errors").toURI());
        project = CliRunner.copyProject(source, temp.resolve("incremental_errors"));
        CliRunner cli = new CliRunner(temp.resolve("home"));
        first = cli.run(project, "run", "--project-dir", project.toString());
        afterFirst = Warehouse.read(project.resolve("target/incremental_errors.duckdb"));
        second = cli.run(project, "run", "--project-dir", project.toString(), "--vars", "{round: 2}");
        afterSecond = Warehouse.read(project.resolve("target/incremental_errors.duckdb"));
    }

    @Test
    void anUnknownStrategyFailsWithDbtsMessage() {
        assertThat(first.exitCode()).isEqualTo(1);
        assertThat(first.out())
                .containsPattern("ERROR creating sql incremental model main\\.unknown_strategy \\.+ \\[ERROR in")
                .contains("Compilation Error in model unknown_strategy (models/unknown_strategy.sql)")
                .contains("dbt could not find an incremental strategy macro with the name \"get_incremental_upsert_sql\" in incremental_errors");
        assertThat(afterFirst.query("select count(*) from information_schema.tables where table_name = 'unknown_strategy'")).containsExactly("0");
    }

    @Test
    void aBuiltInStrategyDuckDbLacksIsRefused() {
        assertThat(first.out())
                .contains("Compilation Error in model unsupported_strategy (models/unsupported_strategy.sql)")
                .contains("The incremental strategy 'insert_overwrite' is not valid for this adapter");
        assertThat(afterFirst.query("select count(*) from information_schema.tables where table_name = 'unsupported_strategy'"))
                .containsExactly("0");
    }

    @Test
    void onSchemaChangeFailNamesTheColumnsAndLeavesTheTable() {
        assertThat(first.out()).containsPattern("OK created sql incremental model main\\.osc_fail \\.+ \\[OK in");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.out())
                .containsPattern("ERROR creating sql incremental model main\\.osc_fail \\.+ \\[ERROR in")
                .contains("Compilation Error in model osc_fail (models/osc_fail.sql)")
                .contains("The source and target schemas on this incremental model are out of sync!")
                .contains("Source columns not in target: [<Column shout (VARCHAR)>]")
                .contains("Target columns not in source: []");
        assertThat(afterSecond.columns("osc_fail")).containsExactly("id INTEGER", "name VARCHAR");
        assertThat(afterSecond.query("select id || name from main.osc_fail order by id")).containsExactly("1a", "2b");
    }
}

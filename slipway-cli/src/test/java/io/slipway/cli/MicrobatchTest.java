package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microbatch models (dbt 1.9) on DuckDB, as the clock runs: a new table is built from {@code begin}, a later run
 * rebuilds the {@code lookback} batches before the current one and the current one, {@code --full-refresh}
 * starts from {@code begin} again, a failed batch leaves the others written, and a missing config is named.
 * (Each batch's window and delete+insert are checked on both warehouses by the adapter conformance suite.)
 */
class MicrobatchTest {
    private static final DateTimeFormatter ID = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path temp;

    private Path project(String config, String sql) throws IOException {
        Path p = temp.resolve("mb");
        Files.createDirectories(p.resolve("models"));
        Files.createDirectories(p.resolve("seeds"));
        Files.writeString(p.resolve("dbt_project.yml"), "name: mb\nversion: '1.0'\nconfig-version: 2\nprofile: mb\n");
        Files.writeString(p.resolve("profiles.yml"), "mb:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: mb.duckdb\n");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder csv = new StringBuilder("id,event_at\n");
        for (int i = 0; i < 3; i++) {
            csv.append(i + 1).append(',').append(today.minusDays(2 - i)).append(" 12:00:00\n");
        }
        Files.writeString(p.resolve("seeds/events.csv"), csv.toString());
        Files.writeString(p.resolve("seeds/properties.yml"), "seeds:\n  - name: events\n    config:\n      event_time: event_at\n");
        Files.writeString(p.resolve("models/daily.sql"), "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                + "event_time='event_at', " + config + ") }}\n" + sql);
        return p;
    }

    private static String begin(int daysAgo) {
        return "begin='" + LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo) + "'";
    }

    @Test
    void batchesRunFromBeginThenOverTheLookback() throws IOException {
        Path p = project("batch_size='day', " + begin(2), "select id, event_at, '{{ model.batch.id }}' as batch_id from {{ ref('events') }}\n");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        CliRunner.Result first = cli.inProject(p, "run");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("Batch 1 of 3 START batch " + today.minusDays(2) + " of main.daily")
                .contains("Batch 3 of 3 OK created batch " + today + " of main.daily")
                .contains("OK created sql microbatch model main.daily").contains("[SUCCESS in ");
        assertThat(Warehouse.read(p.resolve("mb.duckdb")).query("select id || ':' || batch_id from main.daily order by id"))
                .containsExactly("1:" + today.minusDays(2).format(ID), "2:" + today.minusDays(1).format(ID), "3:" + today.format(ID));

        CliRunner.Result again = cli.inProject(p, "run");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Batch 1 of 2 START batch " + today.minusDays(1)).contains("Batch 2 of 2 START batch " + today)
                .doesNotContain("batch " + today.minusDays(2));

        CliRunner.Result refresh = cli.inProject(p, "run", "--full-refresh");
        assertThat(refresh.out()).contains("Batch 1 of 3 START batch " + today.minusDays(2));
        assertThat(Warehouse.read(p.resolve("mb.duckdb")).query("select count(*) from main.daily")).containsExactly("3");
    }

    @Test
    void aFailedBatchLeavesTheOthersWrittenAndIsNamed() throws IOException {
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).format(ID);
        Path p = project("batch_size='day', " + begin(2), "{% if model.batch.id == '" + yesterday + "' %}select cast('x' as integer) as id, "
                + "cast(null as timestamp) as event_at{% else %}select id, event_at from {{ ref('events') }}{% endif %}\n");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        CliRunner.Result run = cli.inProject(p, "run");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Batch 2 of 3 ERROR creating batch " + LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .contains("PARTIAL SUCCESS creating sql microbatch model main.daily").contains("[PARTIAL SUCCESS (2/3) in ")
                .contains("Completed with 0 errors, 1 partial success, and 0 warnings:")
                .contains("1 of 3 batches failed (" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + ")")
                .contains("--event-time-start and --event-time-end").contains("ERROR=1");
        assertThat(Warehouse.read(p.resolve("mb.duckdb")).query("select id from main.daily order by id")).containsExactly("1", "3");
        // run_results says which batches failed, as dbt records them for a retry
        com.fasterxml.jackson.databind.JsonNode result = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(p.resolve("target/run_results.json").toFile()).at("/results/0");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        assertThat(result.at("/batch_results/failed").toString())
                .isEqualTo("[[\"" + day + "T00:00:00+00:00\",\"" + day.plusDays(1) + "T00:00:00+00:00\"]]");
        assertThat(result.at("/batch_results/successful")).hasSize(2);
        assertThat(ArtifactSchemas.violations("run-results-v6.json", p.resolve("target/run_results.json"))).isEmpty();
    }

    @Test
    void whenTheFirstBatchFailsTheOthersDoNotRunAndHooksRunOnce() throws IOException {
        String first = LocalDate.now(ZoneOffset.UTC).minusDays(2).format(ID);
        Path p = project("batch_size='day', " + begin(2) + ", post_hook=\"insert into main.hook_log values ('post')\", "
                        + "pre_hook=\"create table if not exists main.hook_log (event varchar)\"",
                "{% if model.batch.id == '" + first + "' %}select cast('x' as integer) as id, cast(null as timestamp) as event_at"
                        + "{% else %}select id, event_at from {{ ref('events') }}{% endif %}\n");
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        CliRunner.Result run = cli.inProject(p, "run");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Batch 1 of 3 ERROR creating batch").doesNotContain("Batch 2 of 3 START")
                .contains("3 of 3 batches failed").contains("ERROR creating sql microbatch model main.daily");
        JsonNode result = new ObjectMapper().readTree(p.resolve("target/run_results.json").toFile()).at("/results/0");
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.at("/batch_results/failed")).hasSize(3);

        // with every batch succeeding, the pre-hook ran with the first batch and the post-hook once, with the last
        Files.writeString(p.resolve("models/daily.sql"), Files.readString(p.resolve("models/daily.sql")).replace("'" + first + "'", "'never'"));
        CliRunner.Result again = cli.inProject(p, "run");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(Warehouse.read(p.resolve("mb.duckdb")).query("select count(*) from main.hook_log")).containsExactly("1");
    }

    @Test
    void aMissingConfigIsNamed() throws IOException {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Path noSize = project(begin(2), "select id, event_at from {{ ref('events') }}\n");
        assertThat(cli.inProject(noSize, "seed").exitCode()).isZero();
        CliRunner.Result run = cli.inProject(noSize, "run");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Microbatch model 'daily' must provide a 'batch_size' config that is one of [hour, day, month, year]");

        Files.writeString(noSize.resolve("models/daily.sql"), "{{ config(materialized='incremental', incremental_strategy='microbatch', "
                + "event_time='event_at', batch_size='day') }}\nselect id, event_at from {{ ref('events') }}\n");
        CliRunner.Result noBegin = cli.inProject(noSize, "run");
        assertThat(noBegin.exitCode()).isEqualTo(1);
        assertThat(noBegin.out()).contains("Microbatch model 'daily' must provide a 'begin' (datetime) config");
    }
}

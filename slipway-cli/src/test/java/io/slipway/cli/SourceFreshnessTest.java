package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway source freshness} on DuckDB: dbt's console lines and exit codes, thresholds inherited from the
 * source and overridden per table, filters, sources without a loaded_at_field, selection, and sources.json.
 */
class SourceFreshnessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result freshness;

    @BeforeAll
    static void buildThenCheck() throws IOException, URISyntaxException {
        Path source = Path.of(SourceFreshnessTest.class.getResource("/projects/freshness").toURI());
        project = CliRunner.copyProject(source, temp.resolve("freshness"));
        CliRunner.Result run = runner().run(project, "run", "--project-dir", project.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        freshness = runner().run(project, "source", "freshness", "--project-dir", project.toString());
    }

    private static CliRunner runner() {
        return new CliRunner(temp.resolve("home"));
    }

    @Test
    void printsALinePerSourceAndExitsOneWhenASourceIsStaleOrUnchecked() {
        assertThat(freshness.exitCode()).as(freshness.all()).isEqualTo(1);
        assertThat(freshness.out())
                .contains("Concurrency: 2 threads (target='dev')")
                .containsPattern("\\d of 7 START freshness of events\\.recent \\.+ \\[RUN]")
                .containsPattern("\\d of 7 PASS freshness of events\\.recent \\.+ \\[PASS in \\d+\\.\\d\\ds]")
                .containsPattern("\\d of 7 WARN freshness of events\\.hours_old \\.+ \\[WARN in ")
                .containsPattern("\\d of 7 ERROR STALE freshness of events\\.days_old \\.+ \\[ERROR STALE in ")
                .containsPattern("\\d of 7 PASS freshness of events\\.naive_utc \\.+ \\[PASS in ")
                .containsPattern("\\d of 7 WARN freshness of events\\.old_kind \\.+ \\[WARN in ")
                .containsPattern("\\d of 7 ERROR STALE freshness of events\\.never \\.+ \\[ERROR STALE in ")
                .containsPattern("\\d of 7 ERROR freshness of other\\.no_loaded_at \\.+ \\[ERROR in ")
                .containsPattern("Finished running 7 sources in 0 hours 0 minutes and \\d+\\.\\d\\d seconds")
                .contains("Runtime Error in source no_loaded_at (models/sources.yml)\n"
                        + "  Could not compute freshness for source no_loaded_at: no 'loaded_at_field' provided and duckdb adapter "
                        + "does not support metadata-based freshness checks.")
                .doesNotContain("events.unchecked")
                .doesNotContain("other.undescribed");
        assertThat(freshness.out().strip()).endsWith("Done.");
    }

    @Test
    void sourcesJsonIsValidV3WithEachSourcesCriteriaAndAge() throws IOException {
        Path file = project.resolve("target/sources.json");
        assertThat(ArtifactSchemas.violations("sources-v3.json", file)).isEmpty();
        JsonNode root = JSON.readTree(Files.readString(file));
        assertThat(root.get("metadata").get("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/sources/v3.json");
        Map<String, JsonNode> byId = new HashMap<>();
        root.get("results").forEach(r -> byId.put(r.get("unique_id").asText(), r));
        assertThat(byId).containsOnlyKeys("source.freshness.events.recent", "source.freshness.events.hours_old",
                "source.freshness.events.days_old", "source.freshness.events.naive_utc", "source.freshness.events.old_kind",
                "source.freshness.events.never", "source.freshness.other.no_loaded_at");

        JsonNode hoursOld = byId.get("source.freshness.events.hours_old");
        assertThat(hoursOld.get("status").asText()).isEqualTo("warn");
        assertThat(hoursOld.get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(3 * 3600.0, 3 * 3600.0 + 600);
        assertThat(hoursOld.get("max_loaded_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00");
        assertThat(hoursOld.get("criteria").toString())
                .isEqualTo("{\"warn_after\":{\"count\":1,\"period\":\"hour\"},\"error_after\":{\"count\":2,\"period\":\"day\"},\"filter\":null}");
        assertThat(hoursOld.get("timing").size()).isEqualTo(2);

        // the table's error_after replaces the source's, its warn_after is inherited, and the filter leaves only 'old' rows
        JsonNode oldKind = byId.get("source.freshness.events.old_kind");
        assertThat(oldKind.get("criteria").toString())
                .isEqualTo("{\"warn_after\":{\"count\":1,\"period\":\"hour\"},\"error_after\":{\"count\":3,\"period\":\"day\"},\"filter\":\"kind = 'old'\"}");
        assertThat(oldKind.get("max_loaded_at_time_ago_in_s").asDouble()).isGreaterThan(2 * 86400.0);

        assertThat(byId.get("source.freshness.events.naive_utc").get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(600.0, 1200.0);
        assertThat(byId.get("source.freshness.events.never").get("max_loaded_at").asText()).isEqualTo("0001-01-01T00:00:00+00:00");
        assertThat(byId.get("source.freshness.events.days_old").get("status").asText()).isEqualTo("error");

        JsonNode unchecked = byId.get("source.freshness.other.no_loaded_at");
        assertThat(unchecked.get("status").asText()).isEqualTo("runtime error");
        assertThat(unchecked.get("error").asText()).contains("no 'loaded_at_field' provided");
    }

    @Test
    void selectingOneFreshSourceExitsZeroAndWritesWhereOutputSays() throws IOException {
        CliRunner.Result one = runner().run(project, "source", "freshness", "--project-dir", project.toString(),
                "-s", "source:events.recent", "-o", "reports/fresh.json");
        assertThat(one.exitCode()).as(one.all()).isZero();
        assertThat(one.out()).containsPattern("1 of 1 PASS freshness of events\\.recent \\.+ \\[PASS in ")
                .contains("Finished running 1 source in");
        Path report = project.resolve("reports/fresh.json");
        assertThat(ArtifactSchemas.violations("sources-v3.json", report)).isEmpty();
        JsonNode root = JSON.readTree(Files.readString(report));
        assertThat(root.get("results").size()).isEqualTo(1);
        assertThat(root.get("results").get(0).get("status").asText()).isEqualTo("pass");
    }

    @Test
    void selectingOnlyAWarningSourceExitsZero() {
        CliRunner.Result warn = runner().run(project, "source", "freshness", "--project-dir", project.toString(),
                "--select", "source:events.hours_old", "--output", "warn.json");
        assertThat(warn.exitCode()).as(warn.all()).isZero();
        assertThat(warn.out()).containsPattern("1 of 1 WARN freshness of events\\.hours_old");
    }

    @Test
    void sourceStatusFresherSelectsSourcesLoadedSinceTheStateRun() throws IOException, URISyntaxException {
        Path dir = CliRunner.copyProject(Path.of(SourceFreshnessTest.class.getResource("/projects/freshness").toURI()), temp.resolve("fresher"));
        CliRunner runner = runner();
        assertThat(runner.run(dir, "run", "--project-dir", dir.toString()).exitCode()).isZero();
        runner.run(dir, "source", "freshness", "--project-dir", dir.toString());
        Path state = temp.resolve("fresher-state");
        Files.createDirectories(state);
        Files.copy(dir.resolve("target/sources.json"), state.resolve("sources.json"));
        Files.copy(dir.resolve("target/manifest.json"), state.resolve("manifest.json"));

        // reload two tables: their newest loaded_at moves forward; the others keep theirs
        assertThat(runner.run(dir, "run", "--project-dir", dir.toString(), "-s", "loaded_recently", "loaded_hours_ago").exitCode()).isZero();
        runner.run(dir, "source", "freshness", "--project-dir", dir.toString());
        CliRunner.Result fresher = runner.run(dir, "ls", "-q", "--project-dir", dir.toString(), "-s", "source_status:fresher",
                "--state", state.toString());
        assertThat(fresher.exitCode()).as(fresher.all()).isZero();
        assertThat(fresher.out().lines().toList()).containsExactlyInAnyOrder("source:freshness.events.recent", "source:freshness.events.hours_old");

        CliRunner.Result noState = runner.run(dir, "ls", "--project-dir", dir.toString(), "-s", "source_status:fresher");
        assertThat(noState.exitCode()).isEqualTo(2);
        assertThat(noState.out()).contains("no --state was given");
    }

    @Test
    void aProjectsOwnCollectFreshnessIsDispatchedTo() throws IOException, URISyntaxException {
        Path dir = CliRunner.copyProject(Path.of(SourceFreshnessTest.class.getResource("/projects/freshness").toURI()), temp.resolve("custom"));
        Files.createDirectories(dir.resolve("macros"));
        Files.writeString(dir.resolve("macros/freshness.sql"), """
                {% macro duckdb__collect_freshness(source, loaded_at_field, filter) %}
                  {% call statement('collect_freshness', fetch_result=True, auto_begin=False) %}
                    select now() - interval '10 days' as max_loaded_at, now() as snapshotted_at
                  {% endcall %}
                  {{ return(load_result('collect_freshness')) }}
                {% endmacro %}
                """);
        CliRunner.Result result = runner().run(dir, "source", "freshness", "--project-dir", dir.toString(), "-s", "source:events.recent");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).containsPattern("1 of 1 ERROR STALE freshness of events\\.recent");
    }

    @Test
    void aLoadedAtFieldThatIsNotATimestampIsADatabaseError() throws IOException {
        Files.writeString(project.resolve("models/dated.yml"), """
                version: 2
                sources:
                  - name: dated
                    schema: main
                    loaded_at_field: cast(loaded_at as date)
                    freshness:
                      warn_after: {count: 1, period: day}
                    tables:
                      - name: by_day
                        identifier: loaded_days_ago
                """);
        try {
            CliRunner.Result result = runner().run(project, "source", "freshness", "--project-dir", project.toString(),
                    "-s", "source:dated", "-o", "dated.json");
            assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
            assertThat(result.out()).containsPattern("1 of 1 ERROR freshness of dated\\.by_day \\.+ \\[ERROR in ")
                    .contains("Database Error in source by_day (models/dated.yml)\n"
                            + "  Expected a timestamp value when querying field 'max_loaded_at' of table \"freshness\".\"main\".\"loaded_days_ago\" "
                            + "but received value of type 'date' instead");
        } finally {
            Files.delete(project.resolve("models/dated.yml"));
        }
    }

    @Test
    void aLoadedAtQueryDecidesFreshnessAndCannotBeSetBesideALoadedAtField() throws IOException {
        // the source's field would say stale (days old); the table's query, a template, looks at the recent table
        Files.writeString(project.resolve("models/queried.yml"), """
                version: 2
                sources:
                  - name: queried
                    schema: main
                    loaded_at_field: loaded_at
                    freshness:
                      error_after: {count: 12, period: hour}
                    tables:
                      - name: via_query
                        identifier: loaded_days_ago
                        loaded_at_query: "select max(loaded_at) from {{ this.schema }}.loaded_recently -- not {{ this.identifier }}"
                """);
        try {
            CliRunner.Result result = runner().run(project, "source", "freshness", "--project-dir", project.toString(),
                    "-s", "source:queried", "-o", "queried.json");
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out()).containsPattern("1 of 1 PASS freshness of queried\\.via_query");
            JsonNode manifestSource = JSON.readTree(project.resolve("target/manifest.json").toFile()).at("/sources/source.freshness.queried.via_query");
            assertThat(manifestSource.at("/loaded_at_query").asText()).startsWith("select max(loaded_at) from {{ this.schema }}");
            assertThat(manifestSource.at("/loaded_at_field").isNull()).isTrue();

            Files.writeString(project.resolve("models/queried.yml"), Files.readString(project.resolve("models/queried.yml"))
                    .replace("identifier: loaded_days_ago\n", "identifier: loaded_days_ago\n        loaded_at_field: loaded_at\n"));
            CliRunner.Result both = runner().run(project, "source", "freshness", "--project-dir", project.toString(), "-s", "source:queried");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.out()).contains("source 'queried.via_query' in models/queried.yml sets both loaded_at_field and loaded_at_query");
        } finally {
            Files.delete(project.resolve("models/queried.yml"));
        }
    }

    @Test
    void sourcesWithoutCriteriaAreNothingToDo() throws IOException {
        CliRunner.Result none = runner().run(project, "source", "freshness", "--project-dir", project.toString(),
                "-s", "source:events.unchecked", "-o", "none.json");
        assertThat(none.exitCode()).as(none.all()).isZero();
        assertThat(none.out()).contains("Nothing to do. Try checking your model configs and model specification args");
        assertThat(JSON.readTree(Files.readString(project.resolve("none.json"))).get("results").size()).isZero();
    }
}

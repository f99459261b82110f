package io.slipway.cli;

import io.slipway.testkit.TestProject;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code source freshness} and {@code docs generate} on a real PostgreSQL. */
class PostgresFreshnessAndDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path temp;

    private Path project(String name, String schema) throws URISyntaxException {
        Path dir = temp.resolve(name);
        TestProject.copyOf(Path.of(getClass().getResource("/projects/" + name).toURI()), dir, name, POSTGRES.database().target(schema, 2));
        return dir;
    }

    @Test
    void freshnessJudgesEachSourceWithPostgresClock() throws IOException, URISyntaxException {
        Path dir = project("freshness", "fresh_pg");
        // PostgreSQL sources live in the target's schema
        Files.writeString(dir.resolve("models/sources.yml"), Files.readString(dir.resolve("models/sources.yml"))
                .replace("schema: main", "schema: fresh_pg"));
        CliRunner runner = new CliRunner(temp.resolve("home"));
        CliRunner.Result run = runner.run(dir, "run", "--project-dir", dir.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        CliRunner.Result result = runner.run(dir, "source", "freshness", "--project-dir", dir.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("PASS freshness of events\\.recent \\.+ \\[PASS in ")
                .containsPattern("WARN freshness of events\\.hours_old \\.+ \\[WARN in ")
                .containsPattern("ERROR STALE freshness of events\\.days_old \\.+ \\[ERROR STALE in ")
                .containsPattern("PASS freshness of events\\.naive_utc \\.+ \\[PASS in ")
                .containsPattern("WARN freshness of events\\.old_kind \\.+ \\[WARN in ")
                .contains("no 'loaded_at_field' provided and postgres adapter does not support metadata-based freshness checks.")
                .contains("Done.");
        assertThat(ArtifactSchemas.violations("sources-v3.json", dir.resolve("target/sources.json"))).isEmpty();
        JsonNode results = JSON.readTree(Files.readString(dir.resolve("target/sources.json"))).get("results");
        assertThat(results.size()).isEqualTo(7);
        for (JsonNode r : results) {
            if (r.get("unique_id").asText().equals("source.freshness.events.hours_old")) {
                assertThat(r.get("max_loaded_at_time_ago_in_s").asDouble()).isBetween(3 * 3600.0, 3 * 3600.0 + 600);
                assertThat(r.get("adapter_response").get("code").asText()).isEqualTo("SELECT");
            }
        }
    }

    @Test
    void catalogDescribesTablesViewsAndColumnsFromPgCatalog() throws IOException, URISyntaxException {
        Path dir = project("docs", "docs_pg");
        Files.writeString(dir.resolve("models/schema.yml"), Files.readString(dir.resolve("models/schema.yml"))
                .replace("schema: main", "schema: docs_pg"));
        CliRunner runner = new CliRunner(temp.resolve("home"));
        CliRunner.Result build = runner.run(dir, "build", "--project-dir", dir.toString(), "--exclude", "never_built");
        assertThat(build.exitCode()).as(build.all()).isZero();
        CliRunner.Result generate = runner.run(dir, "docs", "generate", "--project-dir", dir.toString());
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.out()).contains("Building catalog").contains("Catalog written to");
        Path file = dir.resolve("target/catalog.json");
        assertThat(ArtifactSchemas.violations("catalog-v1.json", file)).isEmpty();
        JsonNode catalog = JSON.readTree(Files.readString(file));
        List<String> nodes = new ArrayList<>();
        catalog.get("nodes").propertyNames().forEach(nodes::add);
        assertThat(nodes).containsExactlyInAnyOrder("seed.docs.people", "model.docs.stg_people", "model.docs.people_summary",
                "snapshot.docs.people_history");
        JsonNode summary = catalog.get("nodes").get("model.docs.people_summary");
        assertThat(summary.get("metadata").get("type").asText()).isEqualTo("BASE TABLE");
        assertThat(summary.get("metadata").get("schema").asText()).isEqualTo("docs_pg_marts");
        assertThat(summary.get("metadata").get("comment").asText()).isEqualTo("one row per person");
        assertThat(summary.get("metadata").get("owner").asText()).isNotBlank();
        assertThat(summary.get("columns").get("person_id").toString())
                .isEqualTo("{\"type\":\"integer\",\"index\":1,\"name\":\"person_id\",\"comment\":\"the person\"}");
        assertThat(summary.get("columns").get("joined_on").get("type").asText()).isEqualTo("date");
        assertThat(catalog.get("nodes").get("model.docs.stg_people").get("metadata").get("type").asText()).isEqualTo("VIEW");
        assertThat(catalog.get("sources").get("source.docs.raw.people").get("columns").get("name").get("comment").asText())
                .isEqualTo("the name as loaded");
    }
}

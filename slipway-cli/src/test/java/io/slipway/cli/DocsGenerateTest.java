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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway docs generate} on DuckDB: catalog.json describes every built model, seed, snapshot and source
 * relation with its columns, types, positions and comments; --no-compile, selection, and failures.
 */
class DocsGenerateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result generate;
    static JsonNode catalog;

    @BeforeAll
    static void buildThenGenerate() throws IOException, URISyntaxException {
        project = copy("docs");
        CliRunner.Result build = runner().run(project, "build", "--project-dir", project.toString(), "--exclude", "never_built");
        assertThat(build.exitCode()).as(build.all()).isZero();
        generate = runner().run(project, "docs", "generate", "--project-dir", project.toString());
        catalog = JSON.readTree(Files.readString(project.resolve("target/catalog.json")));
    }

    private static Path copy(String name) throws IOException, URISyntaxException {
        Path source = Path.of(DocsGenerateTest.class.getResource("/projects/docs").toURI());
        return CliRunner.copyProject(source, temp.resolve(name));
    }

    private static CliRunner runner() {
        return new CliRunner(temp.resolve("home"));
    }

    private static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void compilesThenWritesTheCatalog() {
        assertThat(generate.exitCode()).as(generate.all()).isZero();
        assertThat(generate.out())
                .contains("Found 4 models, 1 seed, 1 snapshot, 1 source")
                .contains("Concurrency: 2 threads (target='dev')")
                .contains("Building catalog")
                .contains("Catalog written to " + project.resolve("target/catalog.json").toAbsolutePath().normalize());
        assertThat(project.resolve("target/compiled/docs/models/never_built.sql")).exists();
    }

    @Test
    void catalogIsValidV1() throws IOException {
        assertThat(ArtifactSchemas.violations("catalog-v1.json", project.resolve("target/catalog.json"))).isEmpty();
        assertThat(catalog.get("metadata").get("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/catalog/v1.json");
        assertThat(catalog.get("errors").isNull()).isTrue();
    }

    @Test
    void everyBuiltRelationIsDescribedAndNothingElse() {
        // the ephemeral model has no relation and never_built was not built
        assertThat(keys(catalog.get("nodes"))).containsExactlyInAnyOrder("seed.docs.people", "model.docs.stg_people",
                "model.docs.people_summary", "snapshot.docs.people_history");
        assertThat(keys(catalog.get("sources"))).containsExactly("source.docs.raw.people");
    }

    @Test
    void tablesHaveTheirTypeColumnsAndComments() {
        JsonNode summary = catalog.get("nodes").get("model.docs.people_summary");
        assertThat(summary.get("unique_id").asText()).isEqualTo("model.docs.people_summary");
        assertThat(summary.get("metadata").toString()).isEqualTo("{\"type\":\"BASE TABLE\",\"schema\":\"main_marts\",\"name\":\"people_summary\","
                + "\"database\":\"docs\",\"comment\":\"one row per person\",\"owner\":null}");
        assertThat(keys(summary.get("columns"))).containsExactly("person_id", "name", "joined_on");
        assertThat(summary.get("columns").get("person_id").toString())
                .isEqualTo("{\"type\":\"INTEGER\",\"index\":1,\"name\":\"person_id\",\"comment\":\"the person\"}");
        assertThat(summary.get("columns").get("joined_on").get("type").asText()).isEqualTo("DATE");
        assertThat(summary.get("stats").get("has_stats").get("value").asBoolean()).isFalse();
        assertThat(summary.get("stats").get("has_stats").get("include").asBoolean()).isFalse();

        assertThat(catalog.get("nodes").get("model.docs.stg_people").get("metadata").get("type").asText()).isEqualTo("VIEW");
        assertThat(catalog.get("nodes").get("snapshot.docs.people_history").get("metadata").get("schema").asText()).isEqualTo("snapshots");
        assertThat(keys(catalog.get("nodes").get("snapshot.docs.people_history").get("columns")))
                .contains("id", "name", "dbt_scd_id", "dbt_valid_from", "dbt_valid_to");
    }

    @Test
    void sourceColumnsShowTheirYamlDescription() {
        JsonNode people = catalog.get("sources").get("source.docs.raw.people");
        assertThat(people.get("columns").get("name").get("comment").asText()).isEqualTo("the name as loaded");
        assertThat(people.get("columns").get("id").get("comment").isNull()).isTrue();
        // the same relation as a seed keeps the warehouse's comments
        assertThat(catalog.get("nodes").get("seed.docs.people").get("columns").get("name").get("comment").isNull()).isTrue();
    }

    @Test
    void manifestIsWrittenWithCompiledCode() throws IOException {
        JsonNode manifest = JSON.readTree(Files.readString(project.resolve("target/manifest.json")));
        assertThat(manifest.get("nodes").get("model.docs.stg_people").get("compiled_code").asText()).contains("\"docs\".\"main\".\"people\"");
    }

    @Test
    void noCompileOnlyDescribesTheWarehouseAndSelectionNarrowsTheCatalog() throws IOException, URISyntaxException {
        Path other = copy("no_compile");
        CliRunner.Result build = runner().run(other, "build", "--project-dir", other.toString(), "--exclude", "never_built");
        assertThat(build.exitCode()).as(build.all()).isZero();
        CliRunner.Result plain = runner().run(other, "docs", "generate", "--no-compile", "--project-dir", other.toString());
        assertThat(plain.exitCode()).as(plain.all()).isZero();
        assertThat(plain.out()).doesNotContain("Found ").doesNotContain("Concurrency").contains("Building catalog");
        assertThat(keys(JSON.readTree(Files.readString(other.resolve("target/catalog.json"))).get("nodes"))).hasSize(4);

        CliRunner.Result one = runner().run(other, "docs", "generate", "-s", "stg_people", "--project-dir", other.toString());
        assertThat(one.exitCode()).as(one.all()).isZero();
        JsonNode narrowed = JSON.readTree(Files.readString(other.resolve("target/catalog.json")));
        assertThat(keys(narrowed.get("nodes"))).containsExactly("model.docs.stg_people");
        assertThat(keys(narrowed.get("sources"))).isEmpty();
    }

    @Test
    void aFailingCatalogQueryIsRecordedAndExitsOne() throws IOException, URISyntaxException {
        Path broken = copy("broken_catalog");
        Files.createDirectories(broken.resolve("macros"));
        Files.writeString(broken.resolve("macros/catalog.sql"), """
                {% macro duckdb__get_catalog(information_schema, schemas) %}
                  {{ return(run_query('select * from no_such_catalog_table')) }}
                {% endmacro %}
                """);
        CliRunner.Result result = runner().run(broken, "docs", "generate", "--no-compile", "--project-dir", broken.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains("no_such_catalog_table").contains("dbt encountered 1 failure while writing the catalog")
                .contains("Catalog written to");
        JsonNode written = JSON.readTree(Files.readString(broken.resolve("target/catalog.json")));
        assertThat(written.get("errors").size()).isEqualTo(1);
        assertThat(ArtifactSchemas.violations("catalog-v1.json", broken.resolve("target/catalog.json"))).isEmpty();
    }

    @Test
    void aModelThatDoesNotCompileStopsDocsGeneration() throws IOException, URISyntaxException {
        Path broken = copy("broken_model");
        Files.writeString(broken.resolve("models/never_built.sql"),
                "select 1 as id {{ exceptions.raise_compiler_error('cannot compile this one') if execute else '' }}");
        CliRunner.Result result = runner().run(broken, "docs", "generate", "--project-dir", broken.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains("cannot compile this one").contains("compile failed, cannot generate docs")
                .doesNotContain("Building catalog");
        assertThat(broken.resolve("target/catalog.json")).doesNotExist();
    }

    @Test
    void aProjectThatDoesNotParseExitsTwo() throws IOException, URISyntaxException {
        Path broken = copy("unparseable");
        Files.writeString(broken.resolve("models/never_built.sql"), "select {{ ref('no_such_model') }}");
        CliRunner.Result result = runner().run(broken, "docs", "generate", "--project-dir", broken.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.out()).contains("no_such_model");
        assertThat(broken.resolve("target/catalog.json")).doesNotExist();
    }
}

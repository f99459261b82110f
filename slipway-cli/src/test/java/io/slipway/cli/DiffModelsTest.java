package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway diff --select ... --state}: the project built for production, its target kept as the state,
 * then run again as the change (var {@code ci}) into another schema, plus a model that is new. Each model's
 * key comes from where the project declares it.
 */
class DiffModelsTest {
    @TempDir
    static Path temp;
    static Path project;
    static CliRunner cli;
    static Map<String, JsonNode> byModel = new LinkedHashMap<>();
    static CliRunner.Result diff;

    @BeforeAll
    static void buildProductionThenTheChange() throws IOException, URISyntaxException {
        Path source = Path.of(DiffModelsTest.class.getResource("/projects/diff").toURI());
        project = CliRunner.copyProject(source, temp.resolve("diffproj"));
        cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result prod = cli.run(project, "build", "--target", "prod");
        assertThat(prod.exitCode()).as(prod.all()).isZero();
        copy(project.resolve("target"), project.resolve("prod-state"));
        Files.writeString(project.resolve("models/brand_new.sql"), "select 1 as id\n");
        CliRunner.Result ci = cli.run(project, "run", "--target", "ci", "--vars", "{ci: true}");
        assertThat(ci.exitCode()).as(ci.all()).isZero();
        diff = cli.run(project, "diff", "--select", "path:models", "--state", "prod-state", "--target", "ci", "-o", "json");
        for (JsonNode d : new ObjectMapper().readTree(diff.out()).get("diffs")) {
            byModel.put(d.get("model").asText().replace("model.diffproj.", ""), d);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @Test
    void everySelectedModelIsDiffedAgainstItsProductionRelation() {
        assertThat(diff.exitCode()).as(diff.all()).isZero();
        assertThat(byModel.keySet()).containsExactly("brand_new", "column_meta_key", "datafold_key", "incremental_key", "meta_key",
                "no_key", "tested_key");
        JsonNode meta = byModel.get("meta_key");
        assertThat(meta.get("left").asText()).isEqualTo("warehouse.main.meta_key");
        assertThat(meta.get("right").asText()).isEqualTo("warehouse.ci.meta_key");
        assertThat(meta.get("algorithm").asText()).isEqualTo("join");
    }

    @Test
    void keysComeFromWhereTheProjectDeclaresThem() {
        assertThat(byModel.get("meta_key").get("primary_key").toString()).isEqualTo("[\"id\"]");
        assertThat(byModel.get("meta_key").get("notes").get(0).asText()).isEqualTo("key id from the meta");
        assertThat(byModel.get("datafold_key").get("primary_key").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(byModel.get("column_meta_key").get("primary_key").toString()).isEqualTo("[\"region\",\"day\"]");
        assertThat(byModel.get("column_meta_key").get("notes").get(0).asText()).isEqualTo("key region, day from the column meta");
        assertThat(byModel.get("tested_key").get("primary_key").toString()).isEqualTo("[\"code\"]");
        assertThat(byModel.get("tested_key").get("notes").get(0).asText()).isEqualTo("key code from the unique test");
        assertThat(byModel.get("incremental_key").get("primary_key").toString()).isEqualTo("[\"id\"]");
        assertThat(byModel.get("incremental_key").get("notes").get(0).asText()).isEqualTo("key id from the unique_key");
    }

    @Test
    void theChangesAreFound() {
        assertThat(byModel.get("meta_key").get("rows").toString())
                .isEqualTo("{\"left\":10,\"right\":10,\"added\":0,\"removed\":0,\"changed\":1,\"unchanged\":9}");
        assertThat(byModel.get("column_meta_key").get("rows").toString())
                .isEqualTo("{\"left\":20,\"right\":21,\"added\":1,\"removed\":0,\"changed\":0,\"unchanged\":20}");
        assertThat(byModel.get("tested_key").get("rows").get("changed").asLong()).isEqualTo(5);
        assertThat(byModel.get("incremental_key").get("rows").get("changed").asLong()).isZero();
    }

    @Test
    void datafoldsPerModelSettingsApply() {
        JsonNode d = byModel.get("datafold_key");
        // filter a <> 0 leaves 8 of 12 rows; the change drops row (2, 5); noise differs everywhere but is excluded
        assertThat(d.get("rows").toString()).isEqualTo("{\"left\":8,\"right\":7,\"added\":0,\"removed\":1,\"changed\":0,\"unchanged\":7}");
        assertThat(d.get("columns").findValuesAsText("name")).containsExactly("a", "b");
    }

    @Test
    void aModelWithoutAKeyGetsItsSchemaAndRowCountsAndAHint() {
        JsonNode d = byModel.get("no_key");
        assertThat(d.get("algorithm").asText()).isEqualTo("schema");
        assertThat(d.get("primary_key").toString()).isEqualTo("[]");
        assertThat(d.get("rows").toString()).isEqualTo("{\"left\":3,\"right\":3,\"added\":null,\"removed\":null,\"changed\":null,\"unchanged\":null}");
        assertThat(d.get("columns").toString()).contains("{\"name\":\"b\",\"status\":\"added\"");
        assertThat(d.get("notes").get(0).asText()).startsWith("no primary key is declared for no_key, so only its schema and row counts"
                + " are compared; declare one with meta: {primary_key: [col]} on the model");
    }

    @Test
    void aNewModelHasNothingToCompare() {
        JsonNode d = byModel.get("brand_new");
        assertThat(d.get("algorithm").asText()).isEqualTo("none");
        assertThat(d.get("rows").isNull()).isTrue();
        assertThat(d.get("notes").get(0).asText()).startsWith("new model: it is not in the --state manifest");
    }

    @Test
    void withoutASelectionTheModifiedModelsAreDiffed() {
        CliRunner.Result r = cli.run(project, "diff", "--state", "prod-state", "--target", "ci");
        assertThat(r.exitCode()).as(r.all()).isZero();
        // the only file changed since the production run is the new model
        assertThat(r.out()).startsWith("model.diffproj.brand_new: - -> warehouse.ci.brand_new\n").contains("note: new model");
        assertThat(r.out()).doesNotContain("meta_key");
    }

    @Test
    void dbtModeNeedsAState() {
        CliRunner.Result r = cli.run(project, "diff", "--select", "meta_key");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--select needs --state");
    }
}

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
 * Model versions, access and groups through the CLI on DuckDB: one model file per version, dbt's unique ids,
 * relation names and fqns, refs by version and to the latest, include/exclude of columns, deprecation warnings,
 * the version: selector, manifest fields, and dbt's errors for refs to private models and unknown groups.
 */
class ModelVersionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result build;
    static JsonNode manifest;

    @BeforeAll
    static void build() throws IOException, URISyntaxException {
        project = copy("versions");
        build = runner().run(project, "build", "--project-dir", project.toString());
        manifest = JSON.readTree(Files.readString(project.resolve("target/manifest.json")));
    }

    private static Path copy(String name) throws IOException, URISyntaxException {
        Path source = Path.of(ModelVersionsTest.class.getResource("/projects/versions").toURI());
        return CliRunner.copyProject(source, temp.resolve(name));
    }

    private static CliRunner runner() {
        return new CliRunner(temp.resolve("home"));
    }

    private static List<String> ls(Path dir, String selector) {
        CliRunner.Result result = runner().run(dir, "ls", "-q", "--project-dir", dir.toString(), "--resource-type", "model", "-s", selector);
        assertThat(result.exitCode()).as(result.all()).isZero();
        List<String> out = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (!line.isBlank() && !line.contains("[WARNING]")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    @Test
    void eachVersionIsBuiltAsNameVersionUnlessAliased() {
        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.out())
                .containsPattern("OK created sql table model main\\.dim_customers_v1 ")
                .containsPattern("OK created sql table model main\\.dim_customers_v2 ")
                .containsPattern("OK created sql table model main\\.customers_preview ")
                .containsPattern("PASS not_null_dim_customers_v2_customer_id ")
                .containsPattern("PASS not_null_dim_customers_v3_email ")
                .contains("Done. PASS=15 WARN=0 ERROR=0 SKIP=0 TOTAL=15");
        Warehouse.State db = Warehouse.read(project.resolve("target/versions.duckdb"));
        assertThat(db.columns("dim_customers_v1")).containsExactly("customer_id INTEGER", "name VARCHAR", "legacy_code VARCHAR");
        assertThat(db.columns("dim_customers_v2")).containsExactly("customer_id INTEGER", "name VARCHAR");
        assertThat(db.columns("customers_preview")).containsExactly("customer_id INTEGER", "name VARCHAR", "email VARCHAR");
        assertThat(db.query("select count(*) from information_schema.tables where table_name = 'dim_customers'")).containsExactly("0");
    }

    @Test
    void refsWithoutAVersionReachTheLatestAndWithOneReachThatVersion() throws IOException {
        assertThat(Files.readString(project.resolve("target/compiled/versions/models/orders_latest.sql")))
                .contains("\"versions\".\"main\".\"dim_customers_v2\"");
        assertThat(Files.readString(project.resolve("target/compiled/versions/models/orders_v1.sql")))
                .contains("\"versions\".\"main\".\"dim_customers_v1\"");
        assertThat(Files.readString(project.resolve("target/compiled/versions/models/orders_next.sql")))
                .contains("\"versions\".\"main\".\"customers_preview\"");
        assertThat(manifest.get("nodes").get("model.versions.orders_v1").get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.versions.dim_customers.v1\"]");
        assertThat(manifest.get("nodes").get("model.versions.orders_latest").get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.versions.dim_customers.v2\"]");
    }

    @Test
    void deprecatedVersionsAndRefsToThemAreWarnedAbout() {
        assertThat(build.out())
                .contains("[WARNING]: Model dim_customers.v1 has passed its deprecation date of 2020-01-01T00:00:00+00:00. "
                        + "This model should be disabled or removed.")
                .contains("[WARNING]: While compiling 'orders_v1': Found a reference to dim_customers.v1, which was deprecated on "
                        + "'2020-01-01T00:00:00+00:00'. A new version of 'dim_customers' is available. Migrate now: "
                        + "{{ ref('versions', 'dim_customers', v='2') }}.")
                .contains("[WARNING]: While compiling 'uses_legacy': Found a reference to legacy_report, which is slated for deprecation on "
                        + "'2999-01-01T00:00:00+00:00'.")
                .doesNotContain("While compiling 'orders_latest'");
    }

    @Test
    void manifestRecordsVersionsAndIsValid() throws IOException {
        assertThat(ArtifactSchemas.violations("manifest-v12.json", project.resolve("target/manifest.json"))).isEmpty();
        JsonNode v1 = manifest.get("nodes").get("model.versions.dim_customers.v1");
        JsonNode v2 = manifest.get("nodes").get("model.versions.dim_customers.v2");
        JsonNode v3 = manifest.get("nodes").get("model.versions.dim_customers.v3");
        assertThat(v2.get("name").asText()).isEqualTo("dim_customers");
        assertThat(v2.get("original_file_path").asText()).isEqualTo("models/dim_customers.sql");
        assertThat(v2.get("fqn").toString()).isEqualTo("[\"versions\",\"dim_customers\",\"v2\"]");
        assertThat(v2.get("alias").asText()).isEqualTo("dim_customers_v2");
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("latest_version").asInt()).isEqualTo(2);
        assertThat(v2.get("deprecation_date").isNull()).isTrue();
        assertThat(v2.get("config").get("materialized").asText()).isEqualTo("table");
        assertThat(v2.get("description").asText()).isEqualTo("one row per customer");
        assertThat(v1.get("deprecation_date").asText()).isEqualTo("2020-01-01T00:00:00+00:00");
        assertThat(v3.get("original_file_path").asText()).isEqualTo("models/customers_next.sql");
        assertThat(v3.get("relation_name").asText()).isEqualTo("\"versions\".\"main\".\"customers_preview\"");
        assertThat(v3.get("description").asText()).isEqualTo("the next shape of customers");
        // include/exclude narrow the model's columns; a version adds its own
        assertThat(names(v1.get("columns"))).containsExactly("customer_id", "name", "legacy_code");
        assertThat(names(v2.get("columns"))).containsExactly("customer_id", "name");
        assertThat(names(v3.get("columns"))).containsExactly("customer_id", "email");
        assertThat(manifest.get("nodes").has("model.versions.dim_customers")).isFalse();

        JsonNode test = null;
        for (JsonNode n : manifest.get("nodes")) {
            if (n.get("name").asText().equals("not_null_dim_customers_v2_customer_id")) {
                test = n;
            }
        }
        assertThat(test).isNotNull();
        assertThat(test.get("attached_node").asText()).isEqualTo("model.versions.dim_customers.v2");
        assertThat(test.get("test_metadata").get("kwargs").get("model").asText())
                .isEqualTo("{{ get_where_subquery(ref('dim_customers', version='2')) }}");
        assertThat(test.get("depends_on").get("nodes").toString()).isEqualTo("[\"model.versions.dim_customers.v2\"]");

        assertThat(manifest.get("groups").get("group.versions.finance").get("owner").get("email").asText()).isEqualTo("finance@example.com");
        assertThat(manifest.get("group_map").get("finance").toString())
                .isEqualTo("[\"model.versions.finance_private\",\"model.versions.finance_report\"]");
        assertThat(manifest.get("nodes").get("model.versions.finance_private").get("access").asText()).isEqualTo("private");
        assertThat(manifest.get("nodes").get("model.versions.finance_private").get("group").asText()).isEqualTo("finance");
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.propertyNames().forEach(out::add);
        return out;
    }

    @Test
    void versionSelectorAndVersionedNamesSelect() {
        assertThat(ls(project, "version:latest")).containsExactly("versions.dim_customers.v2");
        assertThat(ls(project, "version:prerelease")).containsExactly("versions.dim_customers.v3");
        assertThat(ls(project, "version:old")).containsExactly("versions.dim_customers.v1");
        assertThat(ls(project, "dim_customers")).containsExactlyInAnyOrder("versions.dim_customers.v1", "versions.dim_customers.v2",
                "versions.dim_customers.v3");
        assertThat(ls(project, "dim_customers.v1")).containsExactly("versions.dim_customers.v1");
        assertThat(ls(project, "dim_customers_v3")).containsExactly("versions.dim_customers.v3");
        assertThat(ls(project, "access:private")).containsExactly("versions.finance_private");
    }

    @Test
    void aRefToAPrivateModelFromAnotherGroupIsAnError() throws IOException, URISyntaxException {
        Path dir = copy("private_ref");
        Files.writeString(dir.resolve("models/marketing_peek.sql"), "select revenue from {{ ref('finance_private') }}");
        CliRunner.Result result = runner().run(dir, "parse", "--project-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Node model.versions.marketing_peek attempted to reference node model.versions.finance_private, "
                + "which is not allowed because the referenced node is private to the 'finance' group.");
    }

    @Test
    void aRefToAVersionThatDoesNotExistIsAnError() throws IOException, URISyntaxException {
        Path dir = copy("missing_version");
        Files.writeString(dir.resolve("models/bad_version.sql"), "select * from {{ ref('dim_customers', v=9) }}");
        CliRunner.Result result = runner().run(dir, "parse", "--project-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Model 'model.versions.bad_version' (models/bad_version.sql) depends on a node named "
                + "'dim_customers' with version '9' which was not found");
    }

    @Test
    void aGroupThatIsNotDefinedIsAnError() throws IOException, URISyntaxException {
        Path dir = copy("unknown_group");
        Path yml = dir.resolve("models/schema.yml");
        Files.writeString(yml, Files.readString(yml).replace("      group: finance\n      access: public", "      group: sales\n      access: public"));
        CliRunner.Result result = runner().run(dir, "parse", "--project-dir", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Invalid group 'sales', expected one of ['finance', 'marketing']");
    }

    @Test
    void changingADeprecationDateModifiesThatVersionOnly() throws IOException, URISyntaxException {
        Path dir = copy("state");
        CliRunner.Result parse = runner().run(dir, "parse", "--project-dir", dir.toString());
        assertThat(parse.exitCode()).as(parse.all()).isZero();
        Path state = temp.resolve("state-artifacts");
        CliRunner.copyProject(dir.resolve("target"), state);
        Path yml = dir.resolve("models/schema.yml");
        Files.writeString(yml, Files.readString(yml).replace("2020-01-01 00:00:00+00:00", "2021-06-01 00:00:00+00:00"));
        CliRunner.Result result = runner().run(dir, "ls", "-q", "--project-dir", dir.toString(), "-s", "state:modified",
                "--state", state.toString(), "--resource-type", "model");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out().lines().filter(l -> !l.contains("[WARNING]")).toList()).containsExactly("versions.dim_customers.v1");
    }
}

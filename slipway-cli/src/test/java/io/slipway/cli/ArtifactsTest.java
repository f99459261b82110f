package io.slipway.cli;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** manifest.json and run_results.json as dbt writes them: valid against dbt's schemas, with the fields tools read. */
class ArtifactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    static Path project;

    @BeforeAll
    static void build() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        CliRunner.Result result = new CliRunner(temp.resolve("home")).run(project, "build", "--project-dir", project.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    private static List<String> validate(String schemaResource, Path artifact) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = ArtifactsTest.class.getResourceAsStream("/dbt-schemas/" + schemaResource)) {
            Schema schema = registry.getSchema(in);
            List<String> messages = new ArrayList<>();
            for (Error e : schema.validate(JSON.readTree(Files.readString(artifact)))) {
                messages.add(e.toString());
            }
            return messages;
        }
    }

    @Test
    void manifestIsValidV12() throws IOException {
        assertThat(validate("manifest-v12.json", project.resolve("target/manifest.json"))).isEmpty();
    }

    @Test
    void schemaValidationCatchesAMissingRequiredField() throws IOException {
        String text = Files.readString(project.resolve("target/manifest.json"))
                .replace("\"unique_id\":\"model.jaffle_shop.orders\",", "");
        Path broken = temp.resolve("broken-manifest.json");
        Files.writeString(broken, text);
        assertThat(validate("manifest-v12.json", broken)).isNotEmpty();
    }

    @Test
    void runResultsAreValidV6() throws IOException {
        assertThat(validate("run-results-v6.json", project.resolve("target/run_results.json"))).isEmpty();
    }

    @Test
    void manifestHasWhatStateAndDeferralRead() throws IOException {
        JsonNode manifest = JSON.readTree(Files.readString(project.resolve("target/manifest.json")));
        assertThat(manifest.get("metadata").get("dbt_schema_version").asText()).isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        assertThat(manifest.get("metadata").get("adapter_type").asText()).isEqualTo("duckdb");
        JsonNode orders = manifest.get("nodes").get("model.jaffle_shop.orders");
        assertThat(orders.get("resource_type").asText()).isEqualTo("model");
        assertThat(orders.get("fqn").toString()).isEqualTo("[\"jaffle_shop\",\"orders\"]");
        assertThat(orders.get("relation_name").asText()).isEqualTo("\"jaffle_shop\".\"main\".\"orders\"");
        assertThat(orders.get("config").get("materialized").asText()).isEqualTo("table");
        assertThat(orders.get("unrendered_config").get("materialized").asText()).isEqualTo("table");
        assertThat(orders.get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.jaffle_shop.stg_orders\",\"model.jaffle_shop.stg_payments\"]");
        assertThat(orders.get("patch_path").asText()).isEqualTo("jaffle_shop://models/schema.yml");
        assertThat(orders.get("columns").get("status").get("description").asText()).startsWith("Where the order is:");
        assertThat(orders.get("compiled_code").asText()).contains("\"jaffle_shop\".\"main\".\"stg_orders\"");
        assertThat(orders.get("checksum").get("name").asText()).isEqualTo("sha256");
        JsonNode staging = manifest.get("nodes").get("model.jaffle_shop.stg_payments");
        assertThat(staging.get("config").get("materialized").asText()).isEqualTo("view");
        assertThat(staging.get("depends_on").get("macros").toString()).contains("macro.jaffle_shop.cents_to_dollars");
        assertThat(manifest.get("macros").get("macro.jaffle_shop.cents_to_dollars").get("macro_sql").asText())
                .startsWith("{% macro cents_to_dollars(column_name, scale=2) -%}");
        assertThat(manifest.get("parent_map").get("model.jaffle_shop.customers").toString())
                .isEqualTo("[\"model.jaffle_shop.stg_customers\",\"model.jaffle_shop.stg_orders\",\"model.jaffle_shop.stg_payments\"]");
        assertThat(manifest.get("child_map").get("seed.jaffle_shop.raw_orders").toString()).isEqualTo("[\"model.jaffle_shop.stg_orders\"]");
        JsonNode relationships = null;
        for (JsonNode n : manifest.get("nodes")) {
            if (n.get("name").asText().startsWith("relationships_orders_customer_id")) {
                relationships = n;
            }
        }
        assertThat(relationships).isNotNull();
        assertThat(relationships.get("test_metadata").get("kwargs").get("to").asText()).isEqualTo("ref('customers')");
        assertThat(relationships.get("depends_on").get("nodes").toString())
                .isEqualTo("[\"model.jaffle_shop.orders\",\"model.jaffle_shop.customers\"]");
        assertThat(relationships.get("attached_node").asText()).isEqualTo("model.jaffle_shop.orders");
        assertThat(manifest.get("docs").get("doc.jaffle_shop.orders_status").get("block_contents").asText()).startsWith("Where the order is:");
    }

    @Test
    void runResultsRecordEveryNode() throws IOException {
        JsonNode results = JSON.readTree(Files.readString(project.resolve("target/run_results.json")));
        assertThat(results.get("results").size()).isEqualTo(29);
        for (JsonNode r : results.get("results")) {
            assertThat(r.get("status").asText()).isIn("success", "pass");
            assertThat(r.get("timing").size()).isEqualTo(2);
        }
        assertThat(results.get("args").get("which").asText()).isEqualTo("build");
    }
}

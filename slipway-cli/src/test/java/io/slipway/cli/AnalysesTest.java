package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analyses as dbt treats them: parsed into the manifest (fqn and path under {@code analysis}), described by an
 * {@code analyses:} properties entry, compiled to {@code target/compiled/<package>/analyses/...}, listed by
 * {@code ls}, and never run by {@code run} or {@code build}.
 */
class AnalysesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnalysisIsParsedCompiledListedAndNeverRun(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        Files.createDirectories(p.resolve("analyses/sub"));
        Files.writeString(p.resolve("analyses/sub/top_customers.sql"),
                "select customer_id, customer_lifetime_value from {{ ref('customers') }} order by 2 desc limit {{ var('top_n', 3) }}\n");
        Files.writeString(p.resolve("analyses/properties.yml"),
                "version: 2\nanalyses:\n  - name: top_customers\n    description: The best customers\n");
        CliRunner cli = new CliRunner(dir.resolve("home"));

        CliRunner.Result compiled = cli.run(p, "compile", "--project-dir", p.toString(), "--vars", "{top_n: 5}");
        assertThat(compiled.exitCode()).as(compiled.all()).isZero();
        String sql = Files.readString(p.resolve("target/compiled/jaffle_shop/analyses/sub/top_customers.sql"));
        // Jinja2 drops the template's final newline (keep_trailing_newline is off in dbt)
        assertThat(sql).isEqualTo("select customer_id, customer_lifetime_value from \"jaffle_shop\".\"main\".\"customers\" order by 2 desc limit 5");

        JsonNode node = JSON.readTree(p.resolve("target/manifest.json").toFile()).at("/nodes/analysis.jaffle_shop.top_customers");
        assertThat(node.at("/resource_type").asText()).isEqualTo("analysis");
        assertThat(node.at("/fqn").toString()).isEqualTo("[\"jaffle_shop\",\"analysis\",\"sub\",\"top_customers\"]");
        assertThat(node.at("/path").asText()).isEqualTo("analysis/sub/top_customers.sql");
        assertThat(node.at("/original_file_path").asText()).isEqualTo("analyses/sub/top_customers.sql");
        assertThat(node.at("/description").asText()).isEqualTo("The best customers");
        assertThat(node.at("/depends_on/nodes").toString()).isEqualTo("[\"model.jaffle_shop.customers\"]");

        CliRunner.Result listed = cli.run(p, "ls", "--project-dir", p.toString(), "--resource-type", "analysis", "--quiet");
        assertThat(listed.out().strip()).isEqualTo("jaffle_shop.analysis.sub.top_customers");

        CliRunner.Result built = cli.run(p, "build", "--project-dir", p.toString());
        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.out()).contains("PASS=29").doesNotContain("top_customers");
        CliRunner.Result onlyTheAnalysis = cli.run(p, "run", "--project-dir", p.toString(), "--select", "top_customers");
        assertThat(onlyTheAnalysis.exitCode()).as(onlyTheAnalysis.all()).isZero();
        assertThat(onlyTheAnalysis.out()).contains("Nothing to do");
    }
}

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
 * Exposures ({@code exposures:}): nodes of the graph that never run, so that {@code +exposure:name} selects what
 * feeds a dashboard; written to the manifest's {@code exposures} section, compared by state, and checked as dbt
 * checks them.
 */
class ExposuresTest {
    private static final String EXPOSURES = """
            exposures:
              - name: weekly_kpis
                label: Weekly KPIs
                type: dashboard
                maturity: high
                url: https://bi.example.com/dashboards/1
                description: Orders and customers, week by week
                depends_on:
                  - ref('orders')
                  - ref('customers')
                owner:
                  name: Data Team
                  email: data@example.com
                config:
                  tags: [kpi]
              - name: payments_notebook
                type: notebook
                depends_on:
                  - ref('stg_payments')
                owner:
                  email: analyst@example.com
            """;

    @TempDir
    Path temp;

    private Path project() throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle"));
        Files.writeString(p.resolve("models/exposures.yml"), EXPOSURES);
        return p;
    }

    @Test
    void exposuresSelectWhatFeedsThemAndNeverRun() throws IOException {
        Path p = project();
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.names(p, "ls", "--select", "+exposure:weekly_kpis", "--resource-type", "model", "seed", "exposure"))
                .containsExactly("customers", "orders", "raw_customers", "raw_orders", "raw_payments", "stg_customers", "stg_orders",
                        "stg_payments", "weekly_kpis");
        assertThat(cli.names(p, "ls", "--select", "+exposure:payments_notebook", "--resource-type", "model"))
                .containsExactly("stg_payments");
        assertThat(cli.inProject(p, "ls", "--resource-type", "exposure", "--quiet").out().lines().toList())
                .as("sorted by unique id, as dbt lists").containsExactly("exposure:jaffle_shop.payments_notebook", "exposure:jaffle_shop.weekly_kpis");
        assertThat(cli.names(p, "ls", "--select", "tag:kpi")).containsExactly("weekly_kpis");

        CliRunner.Result build = cli.inProject(p, "build", "--select", "+exposure:weekly_kpis");
        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.out()).doesNotContain("weekly_kpis").contains("Done. PASS=29");

        Path manifestFile = p.resolve("target/manifest.json");
        assertThat(ArtifactSchemas.violations("manifest-v12.json", manifestFile)).isEmpty();
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        JsonNode exposure = manifest.at("/exposures/exposure.jaffle_shop.weekly_kpis");
        assertThat(exposure.get("type").asText()).isEqualTo("dashboard");
        assertThat(exposure.at("/owner/email").asText()).isEqualTo("data@example.com");
        assertThat(exposure.get("label").asText()).isEqualTo("Weekly KPIs");
        assertThat(exposure.at("/depends_on/nodes").toString()).isEqualTo("[\"model.jaffle_shop.orders\",\"model.jaffle_shop.customers\"]");
        assertThat(manifest.get("nodes").has("exposure.jaffle_shop.weekly_kpis")).isFalse();
        assertThat(manifest.at("/child_map/model.jaffle_shop.customers").toString()).contains("exposure.jaffle_shop.weekly_kpis");

        // templates see them in graph.exposures, as in dbt
        CliRunner.Result inline = cli.inProject(p, "compile", "--inline", "{{ graph.exposures.keys() | sort | join(',') }}");
        assertThat(inline.out()).contains("exposure.jaffle_shop.payments_notebook,exposure.jaffle_shop.weekly_kpis");
    }

    @Test
    void anEditedExposureIsStateModified() throws IOException {
        Path p = project();
        CliRunner cli = new CliRunner(temp.resolve("home"));
        assertThat(cli.inProject(p, "parse").exitCode()).isZero();
        Path state = temp.resolve("state");
        Files.createDirectories(state);
        Files.copy(p.resolve("target/manifest.json"), state.resolve("manifest.json"));
        assertThat(cli.names(p, "ls", "--select", "state:modified", "--state", state.toString())).isEmpty();
        Files.writeString(p.resolve("models/exposures.yml"), EXPOSURES.replace("dashboards/1", "dashboards/2"));
        assertThat(cli.names(p, "ls", "--select", "state:modified", "--state", state.toString())).containsExactly("weekly_kpis");
    }

    @Test
    void mistakesAreNamed() throws IOException {
        Path p = project();
        CliRunner cli = new CliRunner(temp.resolve("home"));
        Files.writeString(p.resolve("models/exposures.yml"), EXPOSURES.replace("ref('orders')", "ref('ordrs')"));
        CliRunner.Result missing = cli.inProject(p, "parse");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.all()).contains("Exposure 'exposure.jaffle_shop.weekly_kpis' (models/exposures.yml) depends on a node named 'ordrs'")
                .contains("Did you mean 'orders'");

        Files.writeString(p.resolve("models/exposures.yml"), EXPOSURES.replace("type: notebook", "type: spreadsheet"));
        CliRunner.Result type = cli.inProject(p, "parse");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.all()).contains("exposure 'payments_notebook' in models/exposures.yml has type 'spreadsheet'");

        Files.writeString(p.resolve("models/exposures.yml"), EXPOSURES.replace("      email: analyst@example.com\n", "      slack: '#data'\n"));
        CliRunner.Result owner = cli.inProject(p, "parse");
        assertThat(owner.exitCode()).isEqualTo(2);
        assertThat(owner.all()).contains("exposure 'payments_notebook' in models/exposures.yml has no 'owner:' with a name or an email");
    }
}

package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt 1.8 unit tests ({@code unit_tests:}) on jaffle_shop: inputs as dict, inline CSV, CSV fixture files and
 * SQL; overrides of vars, env vars and macros; incremental models; a failure's diff and the model it skips in
 * build; selection; the manifest's {@code unit_tests} section; state comparison; dbt's parse-time errors.
 */
class UnitTestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UNIT_TESTS = """
            unit_tests:
              - name: test_lifetime_value
                description: Lifetime value sums the payments of every order
                model: customers
                config:
                  tags: [finance]
                given:
                  - input: ref('stg_customers')
                    rows:
                      - {customer_id: 1, first_name: Ann}
                      - {customer_id: 2, first_name: Bob}
                  - input: ref('stg_orders')
                    format: csv
                    rows: |
                      order_id,customer_id,order_date
                      10,1,2024-01-01
                      11,1,2024-02-01
                      12,2,2024-03-01
                  - input: ref('stg_payments')
                    format: sql
                    rows: |
                      select 100 as payment_id, 10 as order_id, 'card' as payment_method, 5.5 as amount
                      union all select 101, 11, 'card', 4.5
                      union all select 102, 12, 'cash', 1
                expect:
                  rows:
                    - {customer_id: 2, number_of_orders: 1, customer_lifetime_value: 1}
                    - {customer_id: 1, number_of_orders: 2, customer_lifetime_value: 10}
              - name: test_renames_from_a_fixture_file
                model: stg_customers
                given:
                  - input: ref('raw_customers')
                    format: csv
                    fixture: raw_customers_fixture
                expect:
                  format: csv
                  rows: |
                    customer_id,first_name,last_name
                    1,Ann,
                    2,Bob,Brown
              - name: test_overrides
                model: labelled
                overrides:
                  vars: {label: from_test}
                  env_vars: {UT_LABEL: from_env}
                  macros:
                    cents_to_dollars: 99
                given:
                  - input: ref('stg_customers')
                    rows:
                      - {customer_id: 7}
                expect:
                  rows:
                    - {customer_id: 7, label: from_test, env_label: from_env, dollars: 99}
            """;

    private static final String FAILING = """
              - name: test_that_fails
                model: stg_customers
                given:
                  - input: ref('raw_customers')
                    rows:
                      - {id: 1, first_name: Ann, last_name: A}
                      - {id: 2, first_name: Bob, last_name: B}
                expect:
                  rows:
                    - {customer_id: 1, first_name: Ann}
                    - {customer_id: 3, first_name: Bob}
            """;

    @TempDir
    Path temp;

    private Path project() throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle"));
        Files.writeString(p.resolve("models/unit_tests.yml"), UNIT_TESTS);
        Files.writeString(p.resolve("models/labelled.sql"), """
                select customer_id, '{{ var("label", "none") }}' as label, '{{ env_var("UT_LABEL", "unset") }}' as env_label,
                       {{ cents_to_dollars('1234') }} as dollars
                from {{ ref('stg_customers') }}
                """);
        Files.createDirectories(p.resolve("tests/fixtures"));
        Files.writeString(p.resolve("tests/fixtures/raw_customers_fixture.csv"), "id,first_name,last_name\n1,Ann,\n2,Bob,Brown\n");
        return p;
    }

    private CliRunner cli() {
        return new CliRunner(temp.resolve("home"));
    }

    @Test
    void buildRunsUnitTestsBeforeTheirModelsAndWritesThemToTheArtifacts() throws IOException {
        Path p = project();
        CliRunner.Result build = cli().inProject(p, "build");
        assertThat(build.exitCode()).as(build.all()).isZero();
        String out = build.out();
        assertThat(out).contains("3 unit tests").contains("START unit_test customers::test_lifetime_value")
                .contains("PASS test_lifetime_value").contains("PASS test_renames_from_a_fixture_file").contains("PASS test_overrides");
        // a unit test runs after its model's parents and before its model
        assertThat(out.indexOf("START unit_test customers::test_lifetime_value"))
                .isGreaterThan(out.indexOf("OK created sql view model main.stg_payments"))
                .isLessThan(out.indexOf("START sql table model main.customers"));

        JsonNode results = JSON.readTree(p.resolve("target/run_results.json").toFile());
        List<String> unitResults = new ArrayList<>();
        results.get("results").forEach(r -> {
            if (r.get("unique_id").asText().startsWith("unit_test.")) {
                unitResults.add(r.get("unique_id").asText() + "=" + r.get("status").asText());
            }
        });
        assertThat(unitResults).containsExactlyInAnyOrder("unit_test.jaffle_shop.customers.test_lifetime_value=pass",
                "unit_test.jaffle_shop.stg_customers.test_renames_from_a_fixture_file=pass", "unit_test.jaffle_shop.labelled.test_overrides=pass");

        Path manifestFile = p.resolve("target/manifest.json");
        assertThat(ArtifactSchemas.violations("manifest-v12.json", manifestFile)).isEmpty();
        JsonNode manifest = JSON.readTree(manifestFile.toFile());
        JsonNode test = manifest.at("/unit_tests/unit_test.jaffle_shop.customers.test_lifetime_value");
        assertThat(test.get("model").asText()).isEqualTo("customers");
        assertThat(test.at("/depends_on/nodes").toString()).isEqualTo("[\"model.jaffle_shop.customers\"]");
        assertThat(test.at("/given/1/format").asText()).isEqualTo("csv");
        assertThat(test.at("/given/1/rows/0/order_id").asText()).as("CSV rows are read into rows").isEqualTo("10");
        assertThat(test.at("/config/tags").toString()).isEqualTo("[\"finance\"]");
        assertThat(test.get("fqn").toString()).isEqualTo("[\"jaffle_shop\",\"customers\",\"test_lifetime_value\"]");
        assertThat(test.get("checksum").asText()).hasSize(64);
        assertThat(manifest.get("nodes").has("unit_test.jaffle_shop.customers.test_lifetime_value")).isFalse();
        assertThat(manifest.at("/child_map/model.jaffle_shop.customers").toString()).contains("unit_test.jaffle_shop.customers.test_lifetime_value");

        String compiled = Files.readString(p.resolve("target/compiled/jaffle_shop/models/unit_tests.yml/test_lifetime_value.sql"));
        assertThat(compiled).contains("__dbt__cte__stg_customers as (").contains("select * from __dbt__cte__stg_orders")
                .doesNotContain("\"main\".\"stg_orders\"");

        // the next build reuses the parse, unit tests included
        CliRunner.Result again = cli().inProject(p, "build", "--select", "test_type:unit");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).doesNotContain("Unable to do partial parsing").contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3");
        JsonNode reused = withoutMetadata(manifestFile);
        assertThat(cli().inProject(p, "parse", "--no-partial-parse").exitCode()).isZero();
        assertThat(withoutMetadata(manifestFile)).isEqualTo(reused);
    }

    @Test
    void aFailingUnitTestShowsTheDifferenceAndSkipsItsModel() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("models/unit_tests.yml"), UNIT_TESTS + FAILING);
        CliRunner.Result build = cli().inProject(p, "build");
        assertThat(build.exitCode()).isEqualTo(1);
        assertThat(build.out()).contains("FAIL 1 test_that_fails").contains("Failure in unit_test test_that_fails (models/unit_tests.yml)")
                .contains("actual differs from expected:")
                .containsPattern("(?m)^\\+\\+\\+ +\\| 2 +\\| Bob$")
                .containsPattern("(?m)^--- +\\| 3 +\\| Bob$")
                .containsPattern("(?m)^ +\\| 1 +\\| Ann$")
                .contains("SKIP relation main.stg_customers")
                .contains("SKIP relation main.customers");
        JsonNode results = JSON.readTree(p.resolve("target/run_results.json").toFile());
        results.get("results").forEach(r -> {
            if (r.get("unique_id").asText().equals("unit_test.jaffle_shop.stg_customers.test_that_fails")) {
                assertThat(r.get("status").asText()).isEqualTo("fail");
                assertThat(r.get("failures").asInt()).isEqualTo(1);
                assertThat(r.get("message").asText()).contains("actual differs from expected");
            }
        });
    }

    @Test
    void unitTestsAreSelectedLikeTestsAndNeverRunByRun() throws IOException {
        Path p = project();
        CliRunner cli = cli();
        assertThat(cli.inProject(p, "ls", "--select", "test_type:unit", "--quiet").out().lines().toList())
                .containsExactlyInAnyOrder("unit_test:jaffle_shop.test_lifetime_value", "unit_test:jaffle_shop.test_renames_from_a_fixture_file",
                        "unit_test:jaffle_shop.test_overrides");
        assertThat(cli.names(p, "ls", "--resource-type", "unit_test")).containsExactly("test_lifetime_value", "test_overrides",
                "test_renames_from_a_fixture_file");
        assertThat(cli.names(p, "ls", "--select", "customers")).contains("customers", "test_lifetime_value").doesNotContain("test_overrides");
        assertThat(cli.names(p, "ls", "--select", "customers", "--exclude", "test_type:unit")).contains("customers")
                .doesNotContain("test_lifetime_value");
        assertThat(cli.names(p, "ls", "--select", "tag:finance")).containsExactly("test_lifetime_value");
        assertThat(cli.names(p, "ls", "--select", "unit_test:test_overrides")).containsExactly("test_overrides");

        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        CliRunner.Result run = cli.inProject(p, "run");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("START unit_test").contains("Done. PASS=6 ");
        CliRunner.Result test = cli.inProject(p, "test", "--select", "stg_customers");
        assertThat(test.out()).contains("PASS test_renames_from_a_fixture_file").contains("PASS unique_stg_customers_customer_id")
                .doesNotContain("test_lifetime_value");
    }

    @Test
    void anIncrementalModelIsUnitTestedInTheModeItsOverrideChooses() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("models/recent_orders.sql"), """
                {{ config(materialized='incremental', unique_key='order_id') }}
                select order_id, customer_id, order_date from {{ ref('stg_orders') }}
                {% if is_incremental() %}
                where order_date > (select max(order_date) from {{ this }})
                {% endif %}
                """);
        Files.writeString(p.resolve("models/incremental_tests.yml"), """
                unit_tests:
                  - name: test_recent_orders
                    model: recent_orders
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {order_id: 1, customer_id: 1, order_date: 2024-01-01}
                """ + "    expect:\n      rows: []\n");
        CliRunner.Result missing = cli().inProject(p, "parse");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.all()).contains("Boolean override for 'is_incremental' must be provided for unit test 'test_recent_orders' in model 'recent_orders'");

        Files.writeString(p.resolve("models/incremental_tests.yml"), """
                unit_tests:
                  - name: test_new_rows_only
                    model: recent_orders
                    overrides:
                      macros: {is_incremental: true}
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {order_id: 1, customer_id: 1, order_date: 2024-01-01}
                          - {order_id: 2, customer_id: 1, order_date: 2024-01-05}
                      - input: this
                        rows:
                          - {order_id: 1, customer_id: 1, order_date: 2024-01-01}
                    expect:
                      rows:
                        - {order_id: 2, customer_id: 1, order_date: 2024-01-05}
                  - name: test_full_refresh
                    model: recent_orders
                    overrides:
                      macros: {is_incremental: false}
                    given:
                      - input: ref('stg_orders')
                        rows:
                          - {order_id: 1, customer_id: 1, order_date: 2024-01-01}
                          - {order_id: 2, customer_id: 1, order_date: 2024-01-05}
                    expect:
                      format: sql
                      rows: |
                        select 2 as order_id, 1 as customer_id, date '2024-01-05' as order_date
                        union all
                        select 1, 1, date '2024-01-01'
                """);
        // `this` is typed by the model's own relation, so the model exists first (as dbt asks: a run, or a run with --empty)
        assertThat(cli().inProject(p, "seed").exitCode()).isZero();
        assertThat(cli().inProject(p, "run", "--select", "+recent_orders", "--empty").exitCode()).isZero();
        CliRunner.Result test = cli().inProject(p, "test", "--select", "recent_orders,test_type:unit");
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("PASS test_new_rows_only").contains("PASS test_full_refresh");
        assertThat(Files.readString(p.resolve("target/compiled/jaffle_shop/models/incremental_tests.yml/test_new_rows_only.sql")))
                .contains("(select max(order_date) from __dbt__cte__recent_orders)");
    }

    @Test
    void aVersionedModelIsUnitTestedInTheVersionsAsked() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("models/dim_customers_v1.sql"), "select customer_id, first_name from {{ ref('stg_customers') }}\n");
        Files.writeString(p.resolve("models/dim_customers_v2.sql"),
                "select customer_id, upper(first_name) as first_name from {{ ref('stg_customers') }}\n");
        Files.writeString(p.resolve("models/versions.yml"), """
                models:
                  - name: dim_customers
                    latest_version: 2
                    versions:
                      - v: 1
                      - v: 2
                unit_tests:
                  - name: test_every_version
                    model: dim_customers
                    given:
                      - input: ref('stg_customers')
                        rows: [{customer_id: 1, first_name: ann}]
                    expect:
                      rows: [{customer_id: 1}]
                  - name: test_upper_case
                    model: dim_customers
                    versions:
                      include: [2]
                    given:
                      - input: ref('stg_customers')
                        rows: [{customer_id: 1, first_name: ann}]
                    expect:
                      rows: [{customer_id: 1, first_name: ANN}]
                """);
        CliRunner cli = cli();
        assertThat(cli.inProject(p, "ls", "--select", "test_type:unit,fqn:*dim_customers*", "--output", "json", "--output-keys", "unique_id", "--quiet")
                .out().lines().sorted().toList()).containsExactly(
                "{\"unique_id\":\"unit_test.jaffle_shop.dim_customers.test_every_version_v1\"}",
                "{\"unique_id\":\"unit_test.jaffle_shop.dim_customers.test_every_version_v2\"}",
                "{\"unique_id\":\"unit_test.jaffle_shop.dim_customers.test_upper_case_v2\"}");
        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        assertThat(cli.inProject(p, "run", "--select", "stg_customers").exitCode()).isZero();
        CliRunner.Result test = cli.inProject(p, "test", "--select", "dim_customers,test_type:unit");
        assertThat(test.exitCode()).as(test.all()).isZero();
        assertThat(test.out()).contains("START unit_test dim_customers::test_every_version_v1")
                .contains("START unit_test dim_customers::test_upper_case_v2").contains("Done. PASS=3 ");

        Files.writeString(p.resolve("models/versions.yml"), Files.readString(p.resolve("models/versions.yml")).replace("include: [2]", "include: [3]"));
        CliRunner.Result noVersion = cli.inProject(p, "parse");
        assertThat(noVersion.exitCode()).isEqualTo(2);
        assertThat(noVersion.all()).contains("Unit test 'test_upper_case' referenced a version of 'dim_customers' which was not found.");
    }

    @Test
    void anEditedExpectationIsStateModified() throws IOException {
        Path p = project();
        CliRunner cli = cli();
        assertThat(cli.inProject(p, "parse").exitCode()).isZero();
        Path state = temp.resolve("state");
        Files.createDirectories(state);
        Files.copy(p.resolve("target/manifest.json"), state.resolve("manifest.json"));
        assertThat(cli.names(p, "ls", "--select", "state:modified", "--state", state.toString())).isEmpty();

        Path yml = p.resolve("models/unit_tests.yml");
        Files.writeString(yml, Files.readString(yml).replace("number_of_orders: 1, customer_lifetime_value: 1}",
                "number_of_orders: 1, customer_lifetime_value: 2}"));
        assertThat(cli.names(p, "ls", "--select", "state:modified", "--state", state.toString())).containsExactly("test_lifetime_value");
    }

    @Test
    void mistakesAreReportedWithTheFileAndWhatToDo() throws IOException {
        Path p = project();
        CliRunner cli = cli();
        Path yml = p.resolve("models/unit_tests.yml");

        Files.writeString(yml, UNIT_TESTS.replace("model: labelled", "model: labeled"));
        CliRunner.Result noModel = cli.inProject(p, "parse");
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.all()).contains("Unable to find model 'jaffle_shop.labeled' for unit test 'test_overrides' in models/unit_tests.yml");

        Files.writeString(yml, UNIT_TESTS.replace("rows:\n          - {customer_id: 7}", "rows: '{customer_id: 7}'"));
        CliRunner.Result wrongFormat = cli.inProject(p, "parse");
        assertThat(wrongFormat.exitCode()).isEqualTo(2);
        assertThat(wrongFormat.all()).contains("Unit test test_overrides has input rows which do not match format dict");

        Files.writeString(yml, UNIT_TESTS.replace("fixture: raw_customers_fixture", "fixture: no_such_fixture"));
        CliRunner.Result noFixture = cli.inProject(p, "parse");
        assertThat(noFixture.exitCode()).isEqualTo(2);
        assertThat(noFixture.all()).contains("File not found for fixture 'no_such_fixture' in unit tests in models/unit_tests.yml");

        // an input the model needs but the test does not give, and a column the input does not have
        Files.writeString(yml, UNIT_TESTS);
        assertThat(cli.inProject(p, "seed").exitCode()).isZero();
        assertThat(cli.inProject(p, "run").exitCode()).isZero();
        Files.writeString(yml, UNIT_TESTS.replaceFirst("(?s)      - input: ref\\('stg_payments'\\).*?(?=    expect:)", "")
                .replace("{customer_id: 7}", "{customer_id: 7, nickname: x}"));
        CliRunner.Result failing = cli.inProject(p, "test", "--select", "test_type:unit");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.all()).contains("Unit test 'test_lifetime_value': model 'customers' calls ref('stg_payments'), which is not an input of the test; add it to 'given:'")
                .contains("Invalid column name: 'nickname' in unit test fixture for 'stg_customers'.")
                .contains("PASS test_renames_from_a_fixture_file");
    }

    private static JsonNode withoutMetadata(Path manifest) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(manifest.toFile());
        node.remove("metadata");
        return node;
    }
}

package io.slipway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gives a clear error (what, where, what to do) and dbt's exit code, never a stack trace. */
class BadInputTest {
    @TempDir
    Path temp;
    Path project;
    CliRunner cli;

    @BeforeEach
    void copyExample() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        cli = new CliRunner(temp.resolve("home"));
    }

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project-dir";
        all[args.length + 1] = project.toString();
        return cli.run(project, all);
    }

    private static void assertNoStackTrace(CliRunner.Result result) {
        assertThat(result.all()).doesNotContain("\tat io.slipway").doesNotContain("Exception:");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        Files.writeString(project.resolve("models/schema.yml"), "version: 2\nmodels:\n  - name: customers\n    columns: [\n      - name: x\n");
        CliRunner.Result result = run("parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("invalid YAML in models/schema.yml at line").contains("models/schema.yml");
        assertNoStackTrace(result);
    }

    @Test
    void aYamlSnapshotOfSomethingNotARefOrSourceIsNamed() throws IOException {
        Files.writeString(project.resolve("models/snapshots.yml"),
                "snapshots:\n  - name: orders_history\n    relation: stg_orders\n    config: {strategy: check, check_cols: all, unique_key: order_id}\n");
        CliRunner.Result result = run("parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("snapshot 'orders_history' in models/snapshots.yml has relation: stg_orders, which is not a ref or source call");
        assertNoStackTrace(result);
        Files.writeString(project.resolve("models/snapshots.yml"),
                "snapshots:\n  - name: orders_history\n    relation: ref('stg_orders')\n    config: {strategy: check, check_cols: all, unique_key: order_id}\n");
        assertThat(run("parse").exitCode()).isZero();
    }

    @Test
    void unknownRefSuggestsTheClosestName() throws IOException {
        Files.writeString(project.resolve("models/customers.sql"),
                Files.readString(project.resolve("models/customers.sql")).replace("ref('stg_orders')", "ref('stg_order')"));
        CliRunner.Result result = run("build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out())
                .contains("Model 'model.jaffle_shop.customers' (models/customers.sql) depends on a node named 'stg_order' which was not found")
                .contains("at line 9")
                .contains("Did you mean 'stg_orders'?")
                .contains("in models/customers.sql, line 9");
        assertNoStackTrace(result);
    }

    @Test
    void aTestWhoseTargetIsMissingOrDisabledIsDisabledAsDbtDoes() throws IOException {
        // orders' relationships test points at customers: disabling customers disables that test quietly
        Files.writeString(project.resolve("models/customers.sql"), "{{ config(enabled=false) }}\n" + Files.readString(project.resolve("models/customers.sql")));
        CliRunner.Result disabled = run("ls", "--resource-type", "test");
        assertThat(disabled.exitCode()).as(disabled.all()).isZero();
        assertThat(disabled.out()).contains("jaffle_shop.not_null_orders_order_id").doesNotContain("\njaffle_shop.relationships_")
                .doesNotContain("[WARNING]");

        // a test naming a model that does not exist is disabled with dbt's warning; the run goes on
        Files.writeString(project.resolve("models/customers.sql"), Files.readString(project.resolve("models/customers.sql"))
                .replace("{{ config(enabled=false) }}\n", ""));
        Files.writeString(project.resolve("models/schema.yml"), Files.readString(project.resolve("models/schema.yml"))
                .replace("to: ref('customers')", "to: ref('customerz')"));
        CliRunner.Result missing = run("ls", "--resource-type", "test");
        assertThat(missing.exitCode()).as(missing.all()).isZero();
        assertThat(missing.out()).contains("[WARNING]: Test 'test.jaffle_shop.relationships_orders_customer_id__customer_id__ref_customerz_.")
                .contains("(models/schema.yml) depends on a node named 'customerz' which was not found")
                .doesNotContain("\njaffle_shop.relationships_");
        assertNoStackTrace(missing);
    }

    @Test
    void aSnapshotMissingWhatItsStrategyNeedsIsRejectedWhenParsed() throws IOException {
        Files.createDirectories(project.resolve("snapshots"));
        Path snapshot = project.resolve("snapshots/orders_snapshot.sql");
        Files.writeString(snapshot, "{% snapshot orders_snapshot %}\n{{ config(strategy='timestamp', unique_key='order_id') }}\n"
                + "select * from {{ ref('stg_orders') }}\n{% endsnapshot %}\n");
        CliRunner.Result noUpdatedAt = run("parse");
        assertThat(noUpdatedAt.exitCode()).isEqualTo(2);
        assertThat(noUpdatedAt.out()).contains("Invalid snapshot config given in snapshots/orders_snapshot.sql: "
                + "A snapshot configured with the timestamp strategy must specify an updated_at configuration.");
        assertNoStackTrace(noUpdatedAt);

        Files.writeString(snapshot, Files.readString(snapshot).replace("strategy='timestamp', unique_key='order_id'", "strategy='check'"));
        assertThat(run("parse").out()).contains("Snapshots must be configured with a 'strategy' and 'unique_key'.");
        Files.writeString(snapshot, Files.readString(snapshot).replace("strategy='check'", "strategy='check', unique_key='order_id', check_cols='status'"));
        assertThat(run("parse").out()).contains("Invalid value for 'check_cols': status. Expected 'all' or a list of strings.");
        Files.writeString(snapshot, Files.readString(snapshot).replace("check_cols='status'", "check_cols=['status']"));
        CliRunner.Result valid = run("parse");
        assertThat(valid.exitCode()).as(valid.all()).isZero();
    }

    @Test
    void cycleNamesItsMembers() throws IOException {
        Files.writeString(project.resolve("models/staging/stg_customers.sql"), "select * from {{ ref('customers') }}");
        CliRunner.Result result = run("run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Found a cycle: ")
                .contains("model.jaffle_shop.customers")
                .contains("model.jaffle_shop.stg_customers");
        assertNoStackTrace(result);
    }

    @Test
    void missingProfileAndTargetAreNamed() throws IOException {
        CliRunner.Result wrongTarget = run("run", "--target", "prod");
        assertThat(wrongTarget.exitCode()).isEqualTo(2);
        assertThat(wrongTarget.out()).contains("target 'prod' is not in profile 'jaffle_shop'").contains("targets there: dev");

        Files.writeString(project.resolve("dbt_project.yml"),
                Files.readString(project.resolve("dbt_project.yml")).replace("profile: jaffle_shop", "profile: warehouse"));
        CliRunner.Result wrongProfile = run("run");
        assertThat(wrongProfile.exitCode()).isEqualTo(2);
        assertThat(wrongProfile.out()).contains("profile 'warehouse' (named by 'profile:' in dbt_project.yml) is not in")
                .contains("profiles there: jaffle_shop");
        assertNoStackTrace(wrongProfile);
    }

    @Test
    void noProfilesFileFallsBackToEmbeddedDuckDb() throws IOException {
        Files.delete(project.resolve("profiles.yml"));
        CliRunner.Result result = run("seed");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("No profiles.yml found").contains("using an embedded DuckDB database at target/jaffle_shop.duckdb");
        assertThat(project.resolve("target/jaffle_shop.duckdb")).exists();
    }

    @Test
    void sqlErrorNamesTheNodeTheMessageAndTheCompiledSql() throws IOException {
        Files.writeString(project.resolve("models/customers.sql"), "select customer_id, no_such_column from {{ ref('stg_customers') }}");
        CliRunner.Result result = run("build");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("ERROR creating sql table model main\\.customers \\.+ \\[ERROR in")
                .contains("Database Error in model customers (models/customers.sql)")
                .contains("no_such_column")
                .contains("compiled code at target/compiled/jaffle_shop/models/customers.sql")
                .containsPattern("SKIP (relation|test) .*customers")
                .contains("Completed with 1 error")
                .containsPattern("Done\\. PASS=\\d+ WARN=0 ERROR=1 SKIP=[1-9]\\d* TOTAL=29");
        assertNoStackTrace(result);
    }

    @Test
    void failingTestExitsOneWithCounts() throws IOException {
        Files.writeString(project.resolve("tests/assert_order_amounts_match_payments.sql"),
                "select * from {{ ref('orders') }} where amount >= 0");
        CliRunner.Result result = run("build");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("FAIL 99 assert_order_amounts_match_payments \\.+ \\[FAIL 99 in")
                .contains("Failure in test assert_order_amounts_match_payments (tests/assert_order_amounts_match_payments.sql)")
                .contains("Got 99 results, configured to fail if != 0")
                .contains("compiled code at target/compiled/jaffle_shop/tests/assert_order_amounts_match_payments.sql")
                .contains("Done. PASS=28 WARN=0 ERROR=1 SKIP=0 TOTAL=29");
    }

    @Test
    void warnSeverityDoesNotFail() throws IOException {
        Files.writeString(project.resolve("tests/assert_order_amounts_match_payments.sql"),
                "{{ config(severity='warn') }}\nselect * from {{ ref('orders') }} where amount >= 0");
        CliRunner.Result result = run("build");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("WARN 99 assert_order_amounts_match_payments")
                .contains("Done. PASS=28 WARN=1 ERROR=0 SKIP=0 TOTAL=29");
    }

    @Test
    void jinjaSyntaxErrorNamesFileAndLine() throws IOException {
        Files.writeString(project.resolve("models/orders.sql"), "select 1\n{% if true %}\nselect 2\n");
        CliRunner.Result result = run("parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Compilation Error in models/orders.sql").contains("line")
                .contains("endif");
        assertNoStackTrace(result);
    }

    @Test
    void missingEnvVarIsNamed() throws IOException {
        Files.writeString(project.resolve("models/orders.sql"), "select '{{ env_var(\"NO_SUCH_SLIPWAY_VAR\") }}' as x");
        CliRunner.Result result = run("parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Env var required but not provided: 'NO_SUCH_SLIPWAY_VAR'").contains("models/orders.sql");
    }

    @Test
    void unknownCommandAndFlagAreUsageErrors() {
        assertThat(cli.run(project, "frobnicate").exitCode()).isEqualTo(2);
        CliRunner.Result badFlag = cli.run(project, "run", "--no-such-flag");
        assertThat(badFlag.exitCode()).isEqualTo(2);
        assertThat(badFlag.err()).contains("Unknown option: '--no-such-flag'");
    }
}

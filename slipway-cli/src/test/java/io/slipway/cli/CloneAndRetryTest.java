package io.slipway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code clone}, {@code retry} and {@code result:} selection on the jaffle_shop example, each on a fresh copy. */
class CloneAndRetryTest {
    private static final String BROKEN = "customer_lifetime_value\n";

    @TempDir
    Path temp;
    Path project;
    CliRunner cli;

    @BeforeEach
    void copy() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        cli = new CliRunner(temp.resolve("home"));
    }

    @Test
    void cloneMakesViewsOverTheStateRelationsAndLeavesExistingOnesUnlessFullRefresh() throws IOException, SQLException {
        Path prod = buildProduction();
        CliRunner.Result clone = run("clone", "--state", prod.toString(), "--target", "ci");
        assertThat(clone.exitCode()).as(clone.all()).isZero();
        assertThat(clone.out()).containsPattern("OK cloned model ci\\.customers \\.+ \\[OK in")
                .containsPattern("OK cloned seed ci\\.raw_orders \\.+ \\[OK in")
                .contains("Done. PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(JaffleShopStateTest.rows(s, "select table_name || ':' || table_type from information_schema.tables"
                    + " where table_schema = 'ci' order by 1")).containsExactly("customers:VIEW", "orders:VIEW", "raw_customers:VIEW",
                    "raw_orders:VIEW", "raw_payments:VIEW", "stg_customers:VIEW", "stg_orders:VIEW", "stg_payments:VIEW");
            assertThat(JaffleShopStateTest.rows(s, "select count(*) from ci.customers")).containsExactly("100");
            assertThat(JaffleShopStateTest.rows(s, "select count(*) from (select * from ci.orders except select * from main.orders)"))
                    .containsExactly("0");
        }

        CliRunner.Result again = run("clone", "--state", prod.toString(), "--target", "ci", "--select", "customers");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("\"jaffle_shop\".\"ci\".\"customers\" already exists; leaving it")
                .containsPattern("OK cloned model ci\\.customers \\.+ \\[No-op in");

        CliRunner.Result table = run("run", "--select", "customers", "--target", "ci", "--defer", "--state", prod.toString());
        assertThat(table.exitCode()).as(table.all()).isZero();
        assertThat(tableType("customers")).isEqualTo("BASE TABLE");
        CliRunner.Result replaced = run("clone", "--state", prod.toString(), "--target", "ci", "--select", "customers", "--full-refresh");
        assertThat(replaced.exitCode()).as(replaced.all()).isZero();
        assertThat(tableType("customers")).isEqualTo("VIEW");
    }

    @Test
    void cloneNeedsAState() {
        CliRunner.Result result = run("clone", "--target", "ci");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("clone copies the relations of a previous run: pass --state");
    }

    @Test
    void retryRunsWhatErroredOrWasSkippedWithThePreviousCommand() throws IOException {
        breakCustomers();
        CliRunner.Result failed = run("build");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).contains("Done. PASS=25 WARN=0 ERROR=1 SKIP=3 TOTAL=29");

        fixCustomers();
        CliRunner.Result retry = run("retry");
        assertThat(retry.exitCode()).as(retry.all()).isZero();
        assertThat(retry.out()).contains("Retrying 4 nodes of the previous 'build'")
                .containsPattern("OK created sql table model main\\.customers")
                .contains("PASS relationships_orders_customer_id__customer_id__ref_customers_")
                .contains("Done. PASS=4 WARN=0 ERROR=0 SKIP=0 TOTAL=4")
                .doesNotContain("stg_orders");

        CliRunner.Result nothing = run("retry");
        assertThat(nothing.exitCode()).as(nothing.all()).isZero();
        assertThat(nothing.out()).contains("Retrying 0 nodes of the previous 'build'").contains("Nothing to do");
    }

    @Test
    void retryReplaysThePreviousTargetAndDeferral() throws IOException, SQLException {
        Path prod = buildProduction();
        breakCustomers();
        CliRunner.Result failed = run("run", "--select", "customers", "--target", "ci", "--defer", "--state", prod.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        fixCustomers();
        CliRunner.Result retry = run("retry");
        assertThat(retry.exitCode()).as(retry.all()).isZero();
        assertThat(retry.out()).contains("Retrying 1 node of the previous 'run'")
                .containsPattern("OK created sql table model ci\\.customers");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(JaffleShopStateTest.rows(s, "select count(*) from ci.customers")).containsExactly("100");
        }
        assertThat(Files.readString(project.resolve("target/compiled/jaffle_shop/models/customers.sql")))
                .contains("\"jaffle_shop\".\"main\".\"stg_orders\"");
    }

    @Test
    void retryReadsTheRunInStateWhenGiven() throws IOException {
        breakCustomers();
        assertThat(run("build").exitCode()).isEqualTo(1);
        Path failedRun = CliRunner.copyProject(project.resolve("target"), temp.resolve("failed_run"));
        fixCustomers();
        assertThat(run("seed").exitCode()).isZero();
        CliRunner.Result retry = run("retry", "--state", failedRun.toString());
        assertThat(retry.exitCode()).as(retry.all()).isZero();
        assertThat(retry.out()).contains("Retrying 4 nodes of the previous 'build' (" + failedRun.resolve("run_results.json") + ")")
                .contains("Done. PASS=4 WARN=0 ERROR=0 SKIP=0 TOTAL=4");
    }

    @Test
    void retryWithoutAPreviousRunSaysSo() {
        CliRunner.Result result = run("retry");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("Could not find a previous run to retry: no run_results.json in");
    }

    @Test
    void resultSelectionReadsThePreviousRunAndCombines() throws IOException {
        breakCustomers();
        Path test = project.resolve("tests/assert_order_amounts_match_payments.sql");
        String passing = Files.readString(test);
        Files.writeString(test, "select 1 as always_failing");
        assertThat(run("build").exitCode()).isEqualTo(1);
        Path previous = CliRunner.copyProject(project.resolve("target"), temp.resolve("previous"));

        assertThat(names("ls", "--select", "result:error", "--state", previous.toString(), "--resource-type", "model"))
                .containsExactly("customers");
        assertThat(names("ls", "--select", "result:fail", "--state", previous.toString()))
                .containsExactly("assert_order_amounts_match_payments");
        assertThat(names("ls", "--select", "result:skipped", "--state", previous.toString())).containsExactly(
                "not_null_customers_customer_id", "relationships_orders_customer_id__customer_id__ref_customers_",
                "unique_customers_customer_id");
        assertThat(names("ls", "--select", "result:error+", "--state", previous.toString(), "--resource-type", "model", "test"))
                .containsExactly("customers", "not_null_customers_customer_id",
                        "relationships_orders_customer_id__customer_id__ref_customers_", "unique_customers_customer_id");
        assertThat(names("ls", "--select", "result:success", "--state", previous.toString(), "--resource-type", "model"))
                .containsExactly("orders", "stg_customers", "stg_orders", "stg_payments");

        // fix the failing test only: of the failures, just it is also modified
        Files.writeString(test, passing);
        assertThat(names("ls", "--select", "result:fail,state:modified", "--state", previous.toString()))
                .containsExactly("assert_order_amounts_match_payments");
        assertThat(names("ls", "--select", "result:error,state:modified", "--state", previous.toString())).isEmpty();
        CliRunner.Result rerun = run("build", "--select", "result:fail", "result:error+", "--state", previous.toString());
        assertThat(rerun.exitCode()).isEqualTo(1);
        assertThat(rerun.out()).contains("PASS assert_order_amounts_match_payments").contains("ERROR creating sql table model main.customers");
    }

    @Test
    void resultSelectionNeedsRunResultsInTheState() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        CliRunner.Result result = run("ls", "--select", "result:error", "--state", empty.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("No run_results.json in the state directory " + empty);
        CliRunner.Result noState = run("ls", "--select", "result:error");
        assertThat(noState.exitCode()).isEqualTo(2);
        assertThat(noState.all()).contains("'result:error' selects by a previous run's results, but no --state was given");
    }

    private Path buildProduction() throws IOException {
        CliRunner.Result build = run("build");
        assertThat(build.exitCode()).as(build.all()).isZero();
        return CliRunner.copyProject(project.resolve("target"), temp.resolve("prod"));
    }

    private void breakCustomers() throws IOException {
        Path model = project.resolve("models/customers.sql");
        String sql = Files.readString(model);
        assertThat(sql).contains("as " + BROKEN);
        Files.writeString(model, sql.replace("as " + BROKEN, "as no_such_column(\n"));
    }

    private void fixCustomers() throws IOException {
        Path model = project.resolve("models/customers.sql");
        Files.writeString(model, Files.readString(model).replace("as no_such_column(\n", "as " + BROKEN));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/jaffle_shop.duckdb"));
    }

    private String tableType(String table) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return JaffleShopStateTest.rows(s, "select table_type from information_schema.tables where table_schema = 'ci'"
                    + " and table_name = '" + table + "'").get(0);
        }
    }

    private CliRunner.Result run(String... args) {
        return cli.inProject(project, args);
    }

    private List<String> names(String... args) {
        return cli.names(project, args);
    }
}

package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slim CI on the jaffle_shop example: built into production (target dev, schema main), its target directory kept
 * aside as the state, one model edited; then {@code state:modified} finds it and {@code build --select
 * state:modified+ --defer --state <prod> --target ci} builds only it and its children in schema ci, reading the
 * unselected parents from production.
 */
class JaffleShopStateTest {
    @TempDir
    static Path temp;
    static Path project;
    static Path prod;
    static CliRunner cli;

    @BeforeAll
    static void buildProductionAndEditOneModel() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result build = run("build");
        assertThat(build.exitCode()).as(build.all()).isZero();
        prod = CliRunner.copyProject(project.resolve("target"), temp.resolve("prod"));
        Path model = project.resolve("models/staging/stg_orders.sql");
        Files.writeString(model, Files.readString(model).replace("        status\n", "        status,\n        'edited' as edit_marker\n"));
    }

    @Test
    void stateModifiedListsExactlyTheEditedModel() {
        assertThat(names("ls", "--select", "state:modified", "--state", prod.toString(), "--resource-type", "model"))
                .containsExactly("stg_orders");
        // with the tests on it, as dbt's eager indirect selection adds them
        assertThat(names("ls", "--select", "state:modified", "--state", prod.toString())).containsExactly(
                "accepted_values_stg_orders_status__placed__shipped__completed__return_pending__returned",
                "not_null_stg_orders_order_id", "stg_orders", "unique_stg_orders_order_id");
        CliRunner.Result why = run("ls", "--quiet", "--select", "state:modified", "--state", prod.toString(), "--resource-type", "model",
                "--output", "json", "--output-keys", "unique_id", "modified");
        assertThat(why.out().strip()).isEqualTo("{\"unique_id\":\"model.jaffle_shop.stg_orders\",\"modified\":{\"body\":true}}");
    }

    @Test
    void stateModifiedPlusAddsDescendantsAndTheirTests() {
        List<String> plus = names("ls", "--select", "state:modified+", "--state", prod.toString());
        assertThat(plus).contains("stg_orders", "orders", "customers", "assert_order_amounts_match_payments",
                "relationships_orders_customer_id__customer_id__ref_customers_", "unique_customers_customer_id")
                .doesNotContain("stg_customers", "stg_payments", "raw_orders", "unique_stg_customers_customer_id");
        assertThat(plus).isEqualTo(names("ls", "--select", "stg_orders+"));
    }

    @Test
    void slimCiBuildsOnlyTheChangeInCiAndReadsTheRestFromProduction() throws IOException, SQLException {
        CliRunner.Result ci = run("build", "--select", "state:modified+", "--defer", "--state", prod.toString(), "--target", "ci");
        assertThat(ci.exitCode()).as(ci.all()).isZero();
        assertThat(ci.out()).containsPattern("OK created sql view model ci\\.stg_orders")
                .containsPattern("OK created sql table model ci\\.orders")
                .containsPattern("OK created sql table model ci\\.customers")
                .contains("Done. PASS=19 WARN=0 ERROR=0 SKIP=0 TOTAL=19")
                .doesNotContain("stg_customers").doesNotContain("raw_orders ");

        String customers = Files.readString(project.resolve("target/compiled/jaffle_shop/models/customers.sql"));
        assertThat(customers).contains("\"jaffle_shop\".\"ci\".\"stg_orders\"")
                .contains("\"jaffle_shop\".\"main\".\"stg_customers\"")
                .contains("\"jaffle_shop\".\"main\".\"stg_payments\"");
        String stgOrders = Files.readString(project.resolve("target/compiled/jaffle_shop/models/staging/stg_orders.sql"));
        assertThat(stgOrders).contains("\"jaffle_shop\".\"main\".\"raw_orders\"");
        String relationships = Files.readString(project.resolve(
                "target/compiled/jaffle_shop/models/schema.yml/relationships_orders_customer_id__customer_id__ref_customers_.sql"));
        assertThat(relationships).contains("\"jaffle_shop\".\"ci\".\"orders\"").contains("\"jaffle_shop\".\"ci\".\"customers\"");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/jaffle_shop.duckdb"));
             Statement s = c.createStatement()) {
            assertThat(rows(s, "select table_name from information_schema.tables where table_schema = 'ci' order by 1"))
                    .containsExactly("customers", "orders", "stg_orders");
            assertThat(rows(s, "select distinct edit_marker from ci.stg_orders")).containsExactly("edited");
            assertThat(rows(s, "select count(*) from information_schema.columns where table_schema = 'main'"
                    + " and table_name = 'stg_orders' and column_name = 'edit_marker'")).containsExactly("0");
            assertThat(rows(s, "select count(*) from ci.customers")).containsExactly("100");
            assertThat(rows(s, "select sum(number_of_orders) from ci.customers")).containsExactly("99");
            assertThat(rows(s, "select count(*) from (select * from ci.orders except select * from main.orders)")).containsExactly("0");
        }
    }

    @Test
    void withoutDeferTheUnselectedParentsAreMissingInCi(@TempDir Path dir) throws IOException {
        Path copy = CliRunner.copyProject(project, dir.resolve("no_defer"));
        CliRunner.Result ci = cli.run(copy, "build", "--select", "state:modified+", "--state", prod.toString(), "--target", "ci",
                "--project-dir", copy.toString());
        assertThat(ci.exitCode()).isEqualTo(1);
        assertThat(ci.out()).contains("ERROR creating sql view model ci.stg_orders").contains("raw_orders");
    }

    static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--project-dir");
        all.add(project.toString());
        return cli.run(project, all.toArray(String[]::new));
    }

    static List<String> names(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--quiet", "--output", "name"));
        CliRunner.Result result = run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result.out().lines().sorted().toList();
    }

    static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

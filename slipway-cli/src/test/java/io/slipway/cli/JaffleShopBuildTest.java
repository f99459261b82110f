package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The jaffle_shop example builds on DuckDB with dbt's console output, and its data is right. */
class JaffleShopBuildTest {
    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result build;

    @BeforeAll
    static void buildOnce() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        build = new CliRunner(temp.resolve("home")).run(project, "build", "--project-dir", project.toString());
    }

    @Test
    void buildsEverythingAndSaysSo() {
        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.out())
                .contains("Found 5 models, 3 seeds, 21 data tests")
                .contains("Concurrency: 4 threads (target='dev')")
                .containsPattern("\\d+ of 29 START sql table model main\\.customers \\.+ \\[RUN\\]")
                .containsPattern("\\d+ of 29 OK created sql table model main\\.customers \\.+ \\[OK in \\d+\\.\\d\\ds\\]")
                .containsPattern("\\d+ of 29 OK created sql view model main\\.stg_orders \\.+ \\[OK in \\d+\\.\\d\\ds\\]")
                .containsPattern("\\d+ of 29 OK loaded seed file main\\.raw_orders \\.+ \\[INSERT 99 in \\d+\\.\\d\\ds\\]")
                .containsPattern("\\d+ of 29 PASS relationships_orders_customer_id__customer_id__ref_customers_ \\.+ \\[PASS in")
                .contains("Finished running 3 seeds, 3 view models, 2 table models, 21 data tests in 0 hours")
                .contains("Completed successfully")
                .contains("Done. PASS=29 WARN=0 ERROR=0 SKIP=0 TOTAL=29");
    }

    @Test
    void modelsHoldTheRightData() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/jaffle_shop.duckdb"));
             Statement s = c.createStatement()) {
            assertThat(scalar(s, "select count(*) from main.customers")).isEqualTo(100L);
            assertThat(scalar(s, "select count(*) from main.orders")).isEqualTo(99L);
            assertThat(scalar(s, "select count(*) from main.stg_payments")).isEqualTo(111L);
            // every payment lands in exactly one payment-method column, in dollars
            assertThat(decimal(s, "select sum(amount) from main.orders"))
                    .isEqualByComparingTo(decimal(s, "select sum(amount) / 100.0 from main.raw_payments"));
            assertThat(decimal(s, "select sum(credit_card_amount + coupon_amount + bank_transfer_amount + gift_card_amount - amount) from main.orders"))
                    .isEqualByComparingTo("0");
            // lifetime value is the sum of the customer's orders
            assertThat(scalar(s, "select count(*) from main.customers c join (select customer_id, sum(amount) as total from main.orders group by 1) o"
                    + " using (customer_id) where abs(c.customer_lifetime_value - o.total) > 0.001")).isEqualTo(0L);
            assertThat(scalar(s, "select sum(number_of_orders) from main.customers")).isEqualTo(99L);
            assertThat(strings(s, "select table_name || ':' || table_type from information_schema.tables"
                    + " where table_schema = 'main' order by table_name"))
                    .containsExactly("customers:BASE TABLE", "orders:BASE TABLE", "raw_customers:BASE TABLE", "raw_orders:BASE TABLE",
                            "raw_payments:BASE TABLE", "stg_customers:VIEW", "stg_orders:VIEW", "stg_payments:VIEW");
        }
    }

    @Test
    void writesCompiledAndRunSqlWhereDbtDoes() throws IOException {
        Path compiled = project.resolve("target/compiled/jaffle_shop/models/orders.sql");
        assertThat(compiled).exists();
        String sql = Files.readString(compiled);
        assertThat(sql).contains("\"jaffle_shop\".\"main\".\"stg_payments\"")
                .contains("sum(case when payment_method = 'gift_card' then amount else 0 end) as gift_card_amount")
                .doesNotContain("{{");
        assertThat(project.resolve("target/compiled/jaffle_shop/models/schema.yml/unique_orders_order_id.sql")).exists();
        assertThat(Files.readString(project.resolve("target/run/jaffle_shop/models/orders.sql")))
                .contains("create table \"jaffle_shop\".\"main\".\"orders__dbt_tmp\"");
    }

    @Test
    void rebuildingReplacesTablesAndKeepsData() {
        CliRunner.Result again = new CliRunner(temp.resolve("home")).run(project, "run", "--project-dir", project.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Done. PASS=5 WARN=0 ERROR=0 SKIP=0 TOTAL=5");
    }

    private static Object scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            Object v = rs.getObject(1);
            return v instanceof Number n && !(v instanceof BigDecimal) && !(v instanceof Double) ? (Object) n.longValue() : v;
        }
    }

    private static BigDecimal decimal(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new BigDecimal(rs.getString(1)).setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

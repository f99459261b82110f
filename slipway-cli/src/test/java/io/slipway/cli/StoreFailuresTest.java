package io.slipway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's store_failures: with {@code --store-failures} (or the test's {@code store_failures} / {@code store_failures_as}
 * config) each test's failing rows are kept in a relation named after the test in {@code <schema>_dbt_test__audit},
 * and the test counts them from there; without it nothing is written.
 */
class StoreFailuresTest {
    @Test
    void failingRowsAreKeptInTheAuditSchema(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        Files.writeString(p.resolve("tests/big_orders.sql"), "select order_id, amount from {{ ref('orders') }} where amount > 50");
        Files.writeString(p.resolve("tests/big_orders_as_view.sql"),
                "{{ config(store_failures_as='view', severity='warn') }}\nselect order_id from {{ ref('orders') }} where amount > 50");
        CliRunner cli = new CliRunner(dir.resolve("home"));

        CliRunner.Result plain = cli.run(p, "build", "--project-dir", p.toString());
        assertThat(plain.exitCode()).isEqualTo(1);
        Warehouse.State db = Warehouse.read(p.resolve("target/jaffle_shop.duckdb"));
        long failing = Long.parseLong(db.query("select count(*) from main.orders where amount > 50").get(0));
        assertThat(failing).isPositive();
        // store_failures_as alone stores (as a view); the others are not stored without the flag
        assertThat(db.query("select table_name || ':' || table_type from information_schema.tables where table_schema = 'main_dbt_test__audit'"))
                .containsExactly("big_orders_as_view:VIEW");

        CliRunner.Result stored = cli.run(p, "test", "--project-dir", p.toString(), "--store-failures");
        assertThat(stored.exitCode()).isEqualTo(1);
        assertThat(stored.out()).contains("FAIL " + failing + " big_orders ");
        Warehouse.State after = Warehouse.read(p.resolve("target/jaffle_shop.duckdb"));
        assertThat(after.query("select count(*) from main_dbt_test__audit.big_orders")).containsExactly(String.valueOf(failing));
        assertThat(after.query("select count(*) from main_dbt_test__audit.not_null_orders_order_id")).containsExactly("0");
        assertThat(after.query("select table_type from information_schema.tables where table_name = 'big_orders_as_view'"))
                .containsExactly("VIEW");
    }
}

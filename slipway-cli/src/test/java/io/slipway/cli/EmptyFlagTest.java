package io.slipway.cli;

import io.slipway.core.template.RelationValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's {@code --empty}: refs and sources print as subqueries of no rows, so every model's SQL runs (and is checked
 * by the warehouse) without reading data; tables come out empty; the flag is recorded in run_results.json's args.
 */
class EmptyFlagTest {
    @Test
    void aBuildWithEmptyRunsEverySqlOnNoRows(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        CliRunner.Result built = cli.run(p, "build", "--project-dir", p.toString(), "--empty");
        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.out()).contains("PASS=29");
        Warehouse.State db = Warehouse.read(p.resolve("target/jaffle_shop.duckdb"));
        assertThat(db.query("select count(*) from main.customers")).containsExactly("0");
        assertThat(db.query("select count(*) from main.raw_customers")).containsExactly("100");   // seeds still load
        // DuckDB needs no alias on a subquery, and none is added: `ref('orders') as orders` in the singular test still parses
        assertThat(Files.readString(p.resolve("target/run/jaffle_shop/models/customers.sql")))
                .contains("select * from (select * from \"jaffle_shop\".\"main\".\"stg_customers\" where false limit 0)\n");
        assertThat(Files.readString(p.resolve("target/run_results.json"))).contains("\"empty\":true");

        // the staging views built with --empty select no rows either, until a run without it replaces them
        CliRunner.Result normal = cli.run(p, "run", "--project-dir", p.toString());
        assertThat(normal.exitCode()).as(normal.all()).isZero();
        assertThat(Warehouse.read(p.resolve("target/jaffle_shop.duckdb")).query("select count(*) from main.customers")).containsExactly("100");
    }

    @Test
    void whereTheWarehouseNeedsItTheSubqueryIsAliasedAsDbtDoes() {
        RelationValue orders = RelationValue.of("db", "main", "orders", "table");
        assertThat(orders.limited(0, true).str()).isEqualTo("(select * from \"db\".\"main\".\"orders\" where false limit 0) _dbt_limit_subq_orders");
        assertThat(orders.limited(5, false).str()).isEqualTo("(select * from \"db\".\"main\".\"orders\" limit 5)");
        assertThat(orders.limited(null, true).str()).isEqualTo("\"db\".\"main\".\"orders\"");
        assertThat(orders.limited(0, true).render()).isEqualTo("\"db\".\"main\".\"orders\"");
    }
}

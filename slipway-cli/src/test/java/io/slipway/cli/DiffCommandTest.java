package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway diff} in relation mode: jaffle_shop built for production and again after an edit that
 * zeroes the amount of returned orders, adds a column and drops one order; the diff reports exactly
 * that, by URL (one database: a join diff) and by profile target (two connections: a hash diff).
 */
class DiffCommandTest {
    @TempDir
    static Path temp;
    static Path project;
    static Path database;
    static CliRunner cli;
    /** Returned orders with a non-zero amount in production, other than the dropped order 7. */
    static long zeroed;

    @BeforeAll
    static void buildTwice() throws IOException, SQLException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        Files.writeString(project.resolve("profiles.yml"), """
                jaffle_shop:
                  target: prod
                  outputs:
                    prod:
                      type: duckdb
                      path: target/jaffle_shop.duckdb
                      schema: main
                    ci:
                      type: duckdb
                      path: target/jaffle_shop.duckdb
                      schema: ci
                """);
        cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result prod = cli.run(project, "build", "--project-dir", project.toString(), "--target", "prod");
        assertThat(prod.exitCode()).as(prod.all()).isZero();
        // production's artifacts, as CI would download them
        try (var files = Files.walk(project.resolve("target"))) {
            for (Path f : files.toList()) {
                Path to = project.resolve("prod-state").resolve(project.resolve("target").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (f.getFileName().toString().endsWith(".json")) {
                    Files.copy(f, to);
                }
            }
        }
        Path orders = project.resolve("models/orders.sql");
        String sql = Files.readString(orders);
        sql = sql.replace("coalesce(order_payments.total_amount, 0) as amount",
                        "case when orders.status = 'returned' then 0 else coalesce(order_payments.total_amount, 0) end as amount,\n        true as is_checked")
                .replace("left join order_payments on orders.order_id = order_payments.order_id",
                        "left join order_payments on orders.order_id = order_payments.order_id\n    where orders.order_id <> 7");
        Files.writeString(orders, sql);
        // the edit breaks the project's test that amounts match payments, so the change is seeded and run, not built
        CliRunner.Result seed = cli.run(project, "seed", "--project-dir", project.toString(), "--target", "ci");
        assertThat(seed.exitCode()).as(seed.all()).isZero();
        CliRunner.Result ci = cli.run(project, "run", "--project-dir", project.toString(), "--target", "ci");
        assertThat(ci.exitCode()).as(ci.all()).isZero();
        database = project.resolve("target/jaffle_shop.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from main.orders where status = 'returned' and amount <> 0 and order_id <> 7")) {
            rs.next();
            zeroed = rs.getLong(1);
        }
        assertThat(zeroed).isPositive();
    }

    private static void assertTheEdit(JsonNode d) {
        assertThat(d.get("primary_key").toString()).isEqualTo("[\"order_id\"]");
        JsonNode rows = d.get("rows");
        assertThat(rows.get("left").asLong()).isEqualTo(99);
        assertThat(rows.get("right").asLong()).isEqualTo(98);
        assertThat(rows.get("removed").asLong()).isEqualTo(1);
        assertThat(rows.get("added").asLong()).isZero();
        assertThat(rows.get("changed").asLong()).isEqualTo(zeroed);
        assertThat(rows.get("unchanged").asLong()).isEqualTo(98 - zeroed);
        for (JsonNode c : d.get("columns")) {
            switch (c.get("name").asText()) {
                case "amount" -> {
                    assertThat(c.get("status").asText()).isEqualTo("same");
                    assertThat(c.get("changed").asLong()).isEqualTo(zeroed);
                    assertThat(c.get("match_rate").asDouble()).isEqualTo((98.0 - zeroed) / 98.0);
                }
                case "is_checked" -> {
                    assertThat(c.get("status").asText()).isEqualTo("added");
                    assertThat(c.get("changed").isNull()).isTrue();
                }
                default -> {
                    assertThat(c.get("status").asText()).as(c.toString()).isEqualTo("same");
                    assertThat(c.get("changed").asLong()).as(c.toString()).isZero();
                }
            }
        }
        JsonNode removed = d.get("samples").get(0);
        assertThat(removed.get("kind").asText()).isEqualTo("removed");
        assertThat(removed.get("key").toString()).isEqualTo("{\"order_id\":7}");
    }

    @Test
    void oneDatabaseByUrlIsAJoinDiff() throws IOException {
        CliRunner.Result r = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "ci.orders", "--key", "order_id", "-o", "json");
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out()).get("diffs").get(0);
        assertThat(d.get("algorithm").asText()).isEqualTo("join");
        assertThat(d.get("left").asText()).isEqualTo("main.orders");
        assertTheEdit(d);
    }

    @Test
    void theDbtAwareModeFindsTheKeyFromTheUniqueTest() throws IOException {
        CliRunner.Result r = cli.run(project, "diff", "--select", "orders", "--state", "prod-state", "--target", "ci", "-o", "json");
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode diffs = new ObjectMapper().readTree(r.out()).get("diffs");
        assertThat(diffs).hasSize(1);
        JsonNode d = diffs.get(0);
        assertThat(d.get("model").asText()).isEqualTo("model.jaffle_shop.orders");
        assertThat(d.get("left").asText()).isEqualTo("jaffle_shop.main.orders");
        assertThat(d.get("right").asText()).isEqualTo("jaffle_shop.ci.orders");
        assertThat(d.get("notes").get(0).asText()).isEqualTo("key order_id from the unique test");
        assertTheEdit(d);
    }

    @Test
    void twoProfileTargetsAreAHashDiff() throws IOException {
        CliRunner.Result r = cli.run(project, "diff", "prod", "main.orders", "ci", "ci.orders", "--key", "order_id", "--output", "json");
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode d = new ObjectMapper().readTree(r.out()).get("diffs").get(0);
        assertThat(d.get("algorithm").asText()).isEqualTo("hash");
        assertTheEdit(d);
    }

    @Test
    void textAndMarkdownOutputs() {
        CliRunner.Result text = cli.run(project, "diff", "prod", "orders", "ci", "orders", "--key", "order_id", "--sample-size", "1");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).startsWith("orders -> orders  (hash diff, key: order_id)\n")
                .containsPattern("\\n  rows +99 +98\\n  removed +1\\n  added +0\\n  changed +" + zeroed + " +" + zeroed + "\\n")
                .containsPattern("\\n  is_checked +added +- +BOOLEAN +- +-\\n")
                .contains("  removed rows (sample):\n    order_id  customer_id  order_date  status ");
        CliRunner.Result md = cli.run(project, "diff", "prod", "orders", "ci", "orders", "--key", "order_id", "-o", "markdown", "--sample-size", "0");
        assertThat(md.exitCode()).as(md.all()).isZero();
        assertThat(md.out()).startsWith("## Data diff\n\n### `orders`: " + zeroed + " changed, 0 added, 1 removed, 1 column changed in the schema\n")
                .doesNotContain("Sample rows");
    }

    @Test
    void errorsSayWhatIsWrong() {
        CliRunner.Result missing = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "ci.order", "--key", "order_id");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("Error (MISSING_RELATION): relation ci.order does not exist (looked in ci); relations there: ");
        CliRunner.Result key = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "ci.orders", "--key", "id");
        assertThat(key.exitCode()).isEqualTo(1);
        assertThat(key.err()).startsWith("Error (MISSING_KEY_COLUMN): key column 'id' is not in main.orders; its columns are: order_id,");
        CliRunner.Result noKey = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "ci.orders");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("name the primary key with --key");
        CliRunner.Result output = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "ci.orders", "--key", "order_id", "-o", "xml");
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err()).contains("--output must be text, json or markdown");
        CliRunner.Result target = cli.run(temp, "diff", "staging", "main.orders", "ci.orders", "--key", "order_id");
        assertThat(target.exitCode()).isEqualTo(2);
        assertThat(target.err()).contains("'staging' is not a database URL").contains("there is no dbt project");
        CliRunner.Result args = cli.run(temp, "diff", "duckdb://" + database, "main.orders", "--key", "order_id");
        assertThat(args.exitCode()).isEqualTo(2);
        assertThat(args.err()).startsWith("Error (USAGE): give <db1> <table1> [<db2>] <table2> (relation mode), or --select and --state");
    }
}

package io.slipway.adapter.postgres;

import io.slipway.core.execution.Invocation;
import io.slipway.testkit.SlipwayRunner;
import io.slipway.testkit.TableDigest;
import io.slipway.testkit.TestProject;
import io.slipway.testkit.Warehouse;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jaffle_shop-shaped example on PostgreSQL: it builds with PASS=28, every model matches the DuckDB
 * build row for row, and a run whose connections the server kills leaves the previous relations in place.
 */
class PostgresJaffleShopTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    private static final List<String> RELATIONS = List.of("raw_customers", "raw_orders", "raw_payments", "stg_customers", "stg_orders",
            "stg_payments", "customers", "orders");

    @TempDir
    static Path temp;
    static TestProject project;
    static SlipwayRunner.Result build;

    @BeforeAll
    static void build() {
        project = jaffleShop(temp.resolve("postgres"), POSTGRES.database().target("jaffle", 4));
        build = new SlipwayRunner(temp.resolve("home")).run(project.dir(), "build");
    }

    private static TestProject jaffleShop(Path dir, Map<String, Object> target) {
        TestProject p = TestProject.copyOf(TestProject.exampleJaffleShop(), dir, "jaffle_shop", target);
        return p.delete("tests/assert_order_amounts_match_payments.sql");
    }

    @Test
    void buildsWithPass28() {
        assertThat(build.exitCode()).as(build.out()).isZero();
        assertThat(build.out())
                .contains("Concurrency: 4 threads (target='dev')")
                .contains("Finished running 3 seeds, 3 view models, 2 table models, 20 data tests")
                .containsPattern("OK created sql table model jaffle\\.customers \\.+ \\[OK in")
                .contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");
    }

    @Test
    void everyModelMatchesTheDuckDbBuild() {
        Path duckDir = temp.resolve("duckdb");
        Map<String, Object> duckTarget = Map.of("type", "duckdb", "path", duckDir.resolve("jaffle.duckdb").toString(), "schema", "main",
                "threads", 4);
        TestProject duck = jaffleShop(duckDir, duckTarget);
        SlipwayRunner.Result duckBuild = new SlipwayRunner(temp.resolve("home")).run(duck.dir(), "build");
        assertThat(duckBuild.out()).contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");

        Map<String, TableDigest> onDuckDb = digests(Warehouse.open(duckTarget, duck.dir()), "main");
        Map<String, TableDigest> onPostgres = digests(postgres(), "jaffle");
        assertThat(onPostgres).isEqualTo(onDuckDb);
        assertThat(onPostgres.get("customers").rows()).isEqualTo(100);
        assertThat(onPostgres.get("orders").rows()).isEqualTo(99);
        assertThat(onPostgres.get("stg_payments").rows()).isEqualTo(111);
    }

    @Test
    void aRunKilledByTheServerLeavesThePreviousRelationsAndTheNextRunSucceeds() throws Exception {
        assertThat(build.exitCode()).as(build.out()).isZero();
        Map<String, TableDigest> before = digests(postgres(), "jaffle");
        // every model sleeps in a post-hook: inside its transaction, after the new relation was swapped in
        project.file("dbt_project.yml", """
                name: jaffle_shop
                version: '1.0.0'
                config-version: 2
                profile: jaffle_shop
                models:
                  jaffle_shop:
                    +materialized: table
                    +post-hook: "{{ 'select pg_sleep(60)' if var('slow', false) else '' }}"
                    staging:
                      +materialized: view
                """);
        // and the killed run's relations would hold one row each, so a half-committed swap shows in the digests
        for (String model : List.of("staging/stg_customers", "staging/stg_orders", "staging/stg_payments", "customers", "orders")) {
            Path file = project.dir().resolve("models/" + model + ".sql");
            Files.writeString(file, Files.readString(file) + "\n{{ 'limit 1' if var('slow', false) }}\n");
        }
        SlipwayRunner slipway = new SlipwayRunner(temp.resolve("home"));

        // first the three views are killed mid-swap, then the two tables
        for (List<String> select : List.of(List.of("stg_customers", "stg_orders", "stg_payments"), List.of("customers", "orders"))) {
            List<String> flags = new java.util.ArrayList<>(List.of("--vars", "{slow: true}", "--select"));
            flags.addAll(select);
            CompletableFuture<SlipwayRunner.Result> run = CompletableFuture.supplyAsync(() -> slipway.run(
                    SlipwayRunner.request(project.dir(), "run", flags), (Invocation started) -> { }));
            int killed = terminateWhenSleeping(select.size());
            assertThat(killed).as("backends terminated").isEqualTo(select.size());
            SlipwayRunner.Result result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("terminating connection due to administrator command")
                    .contains("ERROR=" + select.size());
            assertThat(digests(postgres(), "jaffle")).as("the relations before the killed run").isEqualTo(before);
            try (Warehouse w = postgres()) {
                assertThat(w.relations("jaffle")).extracting(r -> r.identifier())
                        .noneMatch(name -> name.contains("__dbt_tmp") || name.contains("__dbt_backup"));
                assertThat(w.find("jaffle", "stg_orders")).map(r -> r.type().dbtName()).hasValue("view");
            }
        }

        SlipwayRunner.Result again = slipway.run(project.dir(), "build");
        assertThat(again.exitCode()).as(again.out()).isZero();
        assertThat(again.out()).contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");
        assertThat(digests(postgres(), "jaffle")).isEqualTo(before);
    }

    /** Waits until {@code expected} backends sleep in a post-hook, then terminates them; returns how many it terminated. */
    private static int terminateWhenSleeping(int expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String sleeping = "from pg_stat_activity where datname = current_database() and query like '%select pg_sleep(60)%'"
                + " and state = 'active' and pid <> pg_backend_pid()";
        try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("select count(*) " + sleeping)) {
                    rs.next();
                    if (rs.getInt(1) >= expected) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            int killed = 0;
            try (ResultSet rs = s.executeQuery("select pg_terminate_backend(pid) " + sleeping)) {
                while (rs.next()) {
                    killed += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return killed;
        }
    }

    private static Warehouse postgres() {
        return Warehouse.open(POSTGRES.database().target("jaffle", 1), project.dir());
    }

    private static Map<String, TableDigest> digests(Warehouse warehouse, String schema) {
        try (warehouse) {
            Map<String, TableDigest> out = new LinkedHashMap<>();
            for (String relation : RELATIONS) {
                out.put(relation, warehouse.digest(schema, relation));
            }
            return out;
        }
    }
}

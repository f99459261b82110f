package io.slipway.adapter.postgres;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.RelationType;
import io.slipway.testkit.SlipwayRunner;
import io.slipway.testkit.TestProject;
import io.slipway.testkit.Warehouse;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is particular to PostgreSQL: the profile's fields, connection failures as debug reports them, case rules, cancel. */
class PostgresAdapterTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path temp;

    private TestProject project(Map<String, Object> target) {
        return TestProject.create(temp.resolve("project"), "pg", target);
    }

    private Map<String, Object> target(String schema) {
        return new LinkedHashMap<>(POSTGRES.database().target(schema, 2));
    }

    private SlipwayRunner.Result run(TestProject p, String command, String... flags) {
        return new SlipwayRunner(temp.resolve("home")).run(p.dir(), command, flags);
    }

    @Test
    void debugConnectsAndShowsTheTargetWithoutThePassword() {
        SlipwayRunner.Result result = run(project(target("debug_ok")), "debug");
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out())
                .contains("  type: postgres")
                .contains("  host: 127.0.0.1")
                .contains("  dbname: " + POSTGRES.database().name())
                .contains("  schema: debug_ok")
                .contains("Connection test [OK connection ok]")
                .contains("All checks passed!")
                .doesNotContain("password");
    }

    @Test
    void debugSaysThePasswordIsWrong() {
        Map<String, Object> target = target("debug_password");
        target.put("password", "not-the-password");
        SlipwayRunner.Result result = run(project(target), "debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Connection test [ERROR password authentication failed for user 'postgres' on PostgreSQL at 127.0.0.1:"
                + POSTGRES.database().server().port() + ". Check 'user' and 'password' in the profile.]");
    }

    @Test
    void debugSaysTheHostCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> target = target("debug_host");
        target.put("port", closedPort);
        SlipwayRunner.Result result = run(project(target), "debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Connection test [ERROR could not reach PostgreSQL at 127.0.0.1:" + closedPort
                + " (connection refused). Check 'host' and 'port' in the profile, and that the server is running and accepts TCP connections.]");

        target.put("host", "no-such-host.invalid");
        SlipwayRunner.Result unknown = run(project(target), "debug");
        assertThat(unknown.out()).contains("Connection test [ERROR unknown host 'no-such-host.invalid'. Check 'host' in the profile.]");
    }

    @Test
    void debugSaysTheDatabaseDoesNotExist() {
        Map<String, Object> target = target("debug_database");
        target.put("dbname", "no_such_database");
        SlipwayRunner.Result result = run(project(target), "debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Connection test [ERROR database 'no_such_database' does not exist on PostgreSQL at 127.0.0.1:"
                + POSTGRES.database().server().port() + ". Check 'dbname' in the profile, or create the database.]");
    }

    @Test
    void aRunThatCannotConnectSaysWhyWithoutAStackTrace() {
        Map<String, Object> target = target("run_password");
        target.put("password", "wrong");
        TestProject p = project(target).file("models/one.sql", "select 1 as id\n");
        SlipwayRunner.Result result = run(p, "run");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("password authentication failed for user 'postgres'").doesNotContain("Exception");
    }

    @Test
    void aProfileWithoutDbnameIsRefused() {
        Map<String, Object> target = target("no_dbname");
        target.remove("dbname");
        SlipwayRunner.Result result = run(project(target), "debug");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("a postgres target needs 'dbname' (or 'database')");
    }

    @Test
    void roleSearchPathAndApplicationNameApplyToEverySession() throws SQLException {
        String role = "builder_" + POSTGRES.database().name();
        try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement()) {
            s.execute("create role " + role);
            s.execute("grant create on database \"" + POSTGRES.database().name() + "\" to " + role);
        }
        try {
            Map<String, Object> target = target("settings");
            target.put("role", role);
            target.put("search_path", "settings, public");
            target.put("application_name", "slipway-tests-app");
            target.put("keepalives_idle", 30);
            target.put("connect_timeout", 5);
            target.put("sslmode", "disable");
            TestProject p = project(target).file("models/session.sql", """
                    {{ config(materialized='table') }}
                    select current_user as who, current_setting('search_path') as search_path,
                           current_setting('application_name') as app, '{{ target.role }}' as target_role
                    """);
            SlipwayRunner.Result result = run(p, "run");
            assertThat(result.exitCode()).as(result.out()).isZero();
            try (Warehouse w = Warehouse.open(target("settings"), p.dir())) {
                assertThat(w.rows("select * from " + w.relation("settings", "session")))
                        .containsExactly(List.of(role, "settings, public", "slipway-tests-app", role));
                assertThat(w.value("select tableowner from pg_tables where schemaname = 'settings' and tablename = 'session'")).isEqualTo(role);
            }
        } finally {
            try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement()) {
                s.execute("drop owned by " + role + " cascade");
                s.execute("drop role " + role);
            }
        }
    }

    @Test
    void relationsMatchTheirCaseExactlyAndANearMatchIsAnError() throws SQLException {
        try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement()) {
            s.execute("create schema lookups");
            s.execute("create table lookups.\"Orders\" (id int)");
            s.execute("create view lookups.recent as select 1 as id");
            s.execute("create materialized view lookups.totals as select 1 as id");
        }
        try (Warehouse w = Warehouse.open(target("lookups"), temp)) {
            assertThat(w.find("lookups", "Orders")).map(r -> r.type()).hasValue(RelationType.TABLE);
            assertThat(w.find("lookups", "recent")).map(r -> r.type()).hasValue(RelationType.VIEW);
            assertThat(w.find("lookups", "totals")).map(r -> r.type()).hasValue(RelationType.MATERIALIZED_VIEW);
            assertThat(w.find("lookups", "missing")).isEmpty();
            assertThatThrownBy(() -> w.find("lookups", "orders"))
                    .hasMessageContaining("found an approximate match")
                    .hasMessageContaining("Searched for: \"" + POSTGRES.database().name() + "\".\"lookups\".\"orders\"")
                    .hasMessageContaining("Found: \"" + POSTGRES.database().name() + "\".\"lookups\".\"Orders\"");
            assertThat(w.columns("lookups", "Orders")).extracting(c -> c.name() + " " + c.dataType()).containsExactly("id integer");
            assertThatThrownBy(() -> w.connection().getRelation("elsewhere", "lookups", "Orders"))
                    .hasMessage("Cross-db references not allowed in postgres (elsewhere vs " + POSTGRES.database().name() + ")");
        }
    }

    @Test
    void namesLongerThan63CharactersAreRefused() {
        String name = "n".repeat(64);
        TestProject p = project(target("long_names")).file("models/" + name + ".sql", "select 1 as id\n");
        SlipwayRunner.Result result = run(p, "run");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Relation name '" + name + "' is longer than 63 characters");
    }

    @Test
    void aRunningStatementIsCancelledFromAnotherThread() throws Exception {
        try (Warehouse w = Warehouse.open(target("cancel"), temp)) {
            CompletableFuture<Object> sleeping = CompletableFuture.supplyAsync(() -> w.connection().execute("select pg_sleep(30)"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!activeSleep() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long started = System.nanoTime();
            w.connection().cancel();
            assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AdapterException.class)
                    .cause().satisfies(e -> assertThat(((AdapterException) e).code()).isEqualTo(AdapterErrorCode.CANCELLED));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(w.value("select 1")).as("the session is usable after a cancel").isEqualTo(1L);
        }
    }

    private static boolean activeSleep() {
        try (Connection c = POSTGRES.database().connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'")) {
            rs.next();
            return rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

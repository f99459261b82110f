package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incremental models across three builds whose seeds change in between (an update, a new row, a row gone),
 * then a build with {@code --full-refresh}: the strategies (append, merge, delete+insert, DuckDB's default,
 * a project's own), single and composite keys, incremental predicates, {@code full_refresh: false}, a view
 * replaced by a table, and the on_schema_change modes that do not fail.
 */
class IncrementalModelsTest {
    private static final String EVENTS_1 = """
            id,customer,amount,updated_at
            1,a,10,2024-01-01 00:00:00
            2,b,20,2024-01-01 00:00:00
            3,c,30,2024-01-01 00:00:00
            """;
    /** 1 updated, 3 gone, 4 new. */
    private static final String EVENTS_2 = """
            id,customer,amount,updated_at
            1,a,11,2024-01-02 00:00:00
            2,b,20,2024-01-01 00:00:00
            4,d,40,2024-01-02 00:00:00
            """;
    /** 2 updated, 5 new. */
    private static final String EVENTS_3 = """
            id,customer,amount,updated_at
            1,a,11,2024-01-02 00:00:00
            2,b,22,2024-01-03 00:00:00
            4,d,40,2024-01-02 00:00:00
            5,e,50,2024-01-03 00:00:00
            """;
    /** a's second day updated, b's second day new. */
    private static final String DAILY_2 = """
            customer,day,amount,updated_at
            a,2024-01-01,10,2024-01-01 00:00:00
            a,2024-01-02,25,2024-01-02 00:00:00
            b,2024-01-01,30,2024-01-01 00:00:00
            b,2024-01-02,40,2024-01-02 00:00:00
            """;
    /** a's first day updated. */
    private static final String DAILY_3 = """
            customer,day,amount,updated_at
            a,2024-01-01,12,2024-01-03 00:00:00
            a,2024-01-02,25,2024-01-02 00:00:00
            b,2024-01-01,30,2024-01-01 00:00:00
            b,2024-01-02,40,2024-01-02 00:00:00
            """;

    @TempDir
    static Path temp;
    static Path project;
    /** Rounds 1 to 3, then the full refresh as round 4. */
    static final List<CliRunner.Result> results = new ArrayList<>();
    static final List<Warehouse.State> states = new ArrayList<>();
    /** What the second build ran for the model without a strategy. */
    static String defaultStrategySql;

    @BeforeAll
    static void buildThreeTimesThenFullRefresh() throws IOException, URISyntaxException {
        Path source = Path.of(IncrementalModelsTest.class.getResource("/projects/incremental").toURI());
        project = CliRunner.copyProject(source, temp.resolve("incremental"));
        Files.writeString(project.resolve("seeds/events.csv"), EVENTS_1);
        round("build", "--vars", "{round: 1}");
        Files.writeString(project.resolve("seeds/events.csv"), EVENTS_2);
        Files.writeString(project.resolve("seeds/daily.csv"), DAILY_2);
        round("build", "--vars", "{round: 2}");
        defaultStrategySql = Files.readString(project.resolve("target/run/incremental/models/default_strategy_events.sql"));
        Files.writeString(project.resolve("seeds/events.csv"), EVENTS_3);
        Files.writeString(project.resolve("seeds/daily.csv"), DAILY_3);
        round("build", "--vars", "{round: 3}");
        round("build", "--vars", "{round: 3}", "--full-refresh");
    }

    private static void round(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", project.toString()));
        results.add(new CliRunner(temp.resolve("home")).run(project, all.toArray(String[]::new)));
        states.add(Warehouse.read(project.resolve("target/incremental.duckdb")));
    }

    private static List<String> rows(int round, String sql) {
        return states.get(round - 1).query(sql);
    }

    private static List<String> amounts(int round, String table) {
        return rows(round, "select id || ':' || amount from main." + table + " order by id, amount");
    }

    @Test
    void everyBuildSucceedsWithDbtsLines() {
        for (CliRunner.Result result : results) {
            assertThat(result.exitCode()).as(result.all()).isZero();
        }
        assertThat(results.get(0).out())
                .containsPattern("OK created sql incremental model main\\.merge_events \\.+ \\[OK in \\d+\\.\\d\\ds]")
                .containsPattern("OK created sql view model main\\.view_then_incremental \\.+ \\[OK in");
        assertThat(results.get(1).out())
                .containsPattern("START sql incremental model main\\.append_events \\.+ \\[RUN]")
                .containsPattern("OK created sql incremental model main\\.view_then_incremental \\.+ \\[OK in");
    }

    @Test
    void appendInsertsTheNewRowsOnly() {
        assertThat(amounts(1, "append_events")).containsExactly("1:10", "2:20", "3:30");
        assertThat(amounts(2, "append_events")).containsExactly("1:10", "1:11", "2:20", "3:30", "4:40");
        assertThat(amounts(3, "append_events")).containsExactly("1:10", "1:11", "2:20", "2:22", "3:30", "4:40", "5:50");
    }

    @Test
    void mergeUpdatesMatchedRowsAndInsertsTheOthers() {
        assertThat(amounts(1, "merge_events")).containsExactly("1:10", "2:20", "3:30");
        assertThat(amounts(2, "merge_events")).containsExactly("1:11", "2:20", "3:30", "4:40");
        assertThat(amounts(3, "merge_events")).containsExactly("1:11", "2:22", "3:30", "4:40", "5:50");
        assertThat(Files.exists(project.resolve("target/run/incremental/models/merge_events.sql"))).isTrue();
    }

    @Test
    void deleteInsertReplacesRowsByKeyAndIsDuckDbsDefault() {
        for (String table : List.of("delete_insert_events", "default_strategy_events")) {
            assertThat(amounts(2, table)).as(table).containsExactly("1:11", "2:20", "3:30", "4:40");
            assertThat(amounts(3, table)).as(table).containsExactly("1:11", "2:22", "3:30", "4:40", "5:50");
        }
        assertThat(defaultStrategySql).contains("delete from \"incremental\".\"main\".\"default_strategy_events\" as DBT_INTERNAL_DEST");
    }

    @Test
    void incrementalPredicatesNarrowTheDelete() {
        assertThat(amounts(3, "predicates_events")).containsExactly("1:11", "2:20", "2:22", "3:30", "4:40", "5:50");
    }

    @Test
    void compositeKeysMatchOnEveryPart() {
        for (String table : List.of("composite_merge", "composite_delete_insert")) {
            String sql = "select customer || '/' || day || ':' || amount from main." + table + " order by customer, day";
            assertThat(rows(1, sql)).as(table).containsExactly("a/2024-01-01:10", "a/2024-01-02:20", "b/2024-01-01:30");
            assertThat(rows(2, sql)).as(table).containsExactly("a/2024-01-01:10", "a/2024-01-02:25", "b/2024-01-01:30", "b/2024-01-02:40");
            assertThat(rows(3, sql)).as(table).containsExactly("a/2024-01-01:12", "a/2024-01-02:25", "b/2024-01-01:30", "b/2024-01-02:40");
        }
    }

    @Test
    void aProjectsOwnStrategyIsUsed() {
        assertThat(amounts(2, "custom_strategy_events")).containsExactly("1:10", "2:20", "3:30", "4:40");
        assertThat(amounts(3, "custom_strategy_events")).containsExactly("1:10", "2:20", "2:22", "3:30", "4:40");
    }

    @Test
    void fullRefreshRebuildsUnlessTheModelRefusesIt() {
        assertThat(amounts(4, "append_events")).containsExactly("1:11", "2:22", "4:40", "5:50");
        assertThat(amounts(4, "merge_events")).containsExactly("1:11", "2:22", "4:40", "5:50");
        assertThat(amounts(4, "never_refreshed")).isEqualTo(amounts(3, "never_refreshed"))
                .containsExactly("1:10", "1:11", "2:20", "2:22", "3:30", "4:40", "5:50");
        assertThat(rows(4, "select count(*) from information_schema.tables where table_name like '%dbt_backup' or table_name like '%dbt_tmp%'"))
                .containsExactly("0");
    }

    @Test
    void aViewIsReplacedByATableThenBuiltIncrementally() {
        String type = "select table_type from information_schema.tables where table_name = 'view_then_incremental'";
        String sql = "select id || ':' || built_incrementally from main.view_then_incremental order by id";
        assertThat(rows(1, type)).containsExactly("VIEW");
        assertThat(rows(2, type)).containsExactly("BASE TABLE");
        assertThat(rows(2, sql)).containsExactly("1:false", "2:false", "4:false");
        assertThat(rows(3, sql)).containsExactly("1:true", "2:true", "4:true", "5:true");
    }

    @Test
    void isIncrementalIsFalseForOtherMaterializations() {
        assertThat(rows(2, "select incremental_build from main.table_asks_is_incremental")).containsExactly("false");
    }

    @Test
    void onSchemaChangeIgnoreKeepsTheTablesColumns() {
        assertThat(states.get(1).columns("osc_ignore")).containsExactly("id INTEGER", "name VARCHAR", "score INTEGER", "updated_at TIMESTAMP");
        assertThat(rows(2, "select id || ':' || name || ':' || score from main.osc_ignore order by id"))
                .containsExactly("1:a:11", "2:b:20", "3:c:30", "4:d:40");
    }

    @Test
    void onSchemaChangeAppendNewColumnsAddsThemAndKeepsTheOthers() {
        assertThat(states.get(1).columns("osc_append_new_columns"))
                .containsExactly("id INTEGER", "name VARCHAR", "score INTEGER", "updated_at TIMESTAMP", "extra VARCHAR");
        assertThat(rows(2, "select concat_ws(':', id, coalesce(name, '-'), score, coalesce(extra, '-')) from main.osc_append_new_columns order by id"))
                .containsExactly("1:-:11:x1", "2:b:20:-", "3:c:30:-", "4:-:40:x4");
    }

    @Test
    void onSchemaChangeSyncAllColumnsAddsDropsAndRetypes() {
        assertThat(states.get(1).columns("osc_sync_all_columns")).containsExactly("id INTEGER", "score DOUBLE", "updated_at TIMESTAMP", "extra VARCHAR");
        String sql = "select concat_ws(':', id, score, coalesce(extra, '-')) from main.osc_sync_all_columns order by id";
        assertThat(rows(2, sql)).containsExactly("1:11.0:x1", "2:20.0:-", "3:30.0:-", "4:40.0:x4");
        assertThat(rows(3, sql)).containsExactly("1:11.0:x1", "2:22.0:x2", "3:30.0:-", "4:40.0:x4", "5:50.0:x5");
    }
}

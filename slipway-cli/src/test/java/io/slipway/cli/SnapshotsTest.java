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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots across three rounds of {@code seed --full-refresh} then {@code snapshot}, the source changing in
 * between: round 2 moves alice, deletes carol, adds dave and a column (email); round 3 moves bob, brings
 * carol back and deletes dave. Both strategies, each hard_deletes mode (and the legacy
 * invalidate_hard_deletes), a composite key, a project's own strategy, renamed meta columns with
 * dbt_valid_to_current, and legacy target_schema next to 1.9's schema.
 */
class SnapshotsTest {
    private static final String CUSTOMERS_2 = """
            id,name,city,updated_at,email
            1,alice,lyon,2024-01-02 00:00:00,alice@example.com
            2,bob,rome,2024-01-01 00:00:00,bob@example.com
            4,dave,kyiv,2024-01-02 00:00:00,dave@example.com
            """;
    private static final String CUSTOMERS_3 = """
            id,name,city,updated_at,email
            1,alice,lyon,2024-01-02 00:00:00,alice@example.com
            2,bob,milan,2024-01-03 00:00:00,bob@example.com
            3,carol,oslo,2024-01-03 00:00:00,carol@example.com
            """;
    /** A version's end: still current, closed at a source timestamp, or closed by a run (a deletion, a check change). */
    private static final String VALIDITY = "case when %1$s is null or %1$s = '9999-12-31' then 'current'"
            + " when %1$s > '2025-01-01' then 'closed' else strftime(%1$s, '%%Y-%%m-%%d') end";

    @TempDir
    static Path temp;
    static Path project;
    static final List<CliRunner.Result> snapshots = new ArrayList<>();
    static final List<Warehouse.State> states = new ArrayList<>();

    @BeforeAll
    static void snapshotThreeTimes() throws IOException, URISyntaxException {
        Path source = Path.of(SnapshotsTest.class.getResource("/projects/snapshots").toURI());
        project = CliRunner.copyProject(source, temp.resolve("snapshots"));
        round();
        Files.writeString(project.resolve("seeds/customers.csv"), CUSTOMERS_2);
        round();
        Files.writeString(project.resolve("seeds/customers.csv"), CUSTOMERS_3);
        round();
    }

    private static void round() {
        CliRunner cli = new CliRunner(temp.resolve("home"));
        CliRunner.Result seed = cli.run(project, "seed", "--full-refresh", "--project-dir", project.toString());
        assertThat(seed.exitCode()).as(seed.all()).isZero();
        snapshots.add(cli.run(project, "snapshot", "--project-dir", project.toString()));
        states.add(Warehouse.read(project.resolve("target/snapshots.duckdb")));
    }

    /** Each version of a snapshot as {@code id:city:end[:is_deleted]}, in order of id then start. */
    private static List<String> versions(int round, String relation, String validFrom, String validTo, String isDeleted) {
        String sql = "select concat_ws(':', id, city, " + VALIDITY.formatted(validTo) + (isDeleted == null ? "" : ", " + isDeleted) + ")"
                + " from " + relation + " order by id, " + validFrom;
        return states.get(round - 1).query(sql);
    }

    private static List<String> versions(int round, String relation) {
        return versions(round, relation, "dbt_valid_from", "dbt_valid_to", null);
    }

    @Test
    void everyRoundSnapshotsWithDbtsLines() {
        for (CliRunner.Result result : snapshots) {
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.out())
                    .containsPattern("START snapshot main\\.ts_ignore \\.+ \\[RUN]")
                    .containsPattern("OK snapshotted main\\.ts_ignore \\.+ \\[OK in \\d+\\.\\d\\ds]")
                    .containsPattern("OK snapshotted legacy_snapshots\\.check_city \\.+ \\[OK in")
                    .containsPattern("OK snapshotted main_history\\.check_all \\.+ \\[OK in")
                    .containsPattern("OK snapshotted main\\.yaml_check \\.+ \\[OK in")
                    .contains("Done. PASS=9 WARN=0 ERROR=0 SKIP=0 TOTAL=9");
        }
    }

    @Test
    void theManifestHoldsDbtsSnapshotConfigInDbtsOrder() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        JsonNode config = manifest.get("nodes").get("snapshot.snapshots.check_city").get("config");
        List<String> keys = new ArrayList<>(config.propertyNames());
        assertThat(keys.subList(keys.indexOf("concurrent_batches"), keys.size())).containsExactly("concurrent_batches", "strategy",
                "target_schema", "target_database", "updated_at", "check_cols", "snapshot_meta_column_names", "dbt_valid_to_current",
                "invalidate_hard_deletes");
        assertThat(config.get("snapshot_meta_column_names").toString())
                .isEqualTo("{\"dbt_valid_to\":null,\"dbt_valid_from\":null,\"dbt_scd_id\":null,\"dbt_updated_at\":null,\"dbt_is_deleted\":null}");
        assertThat(config.get("target_schema").asString()).isEqualTo("legacy_snapshots");
        assertThat(config.get("check_cols").get(0).asString()).isEqualTo("city");
    }

    @Test
    void theFirstRunCopiesTheRowsWithTheirValidity() {
        assertThat(states.get(0).columns("ts_ignore")).containsExactly("id INTEGER", "name VARCHAR", "city VARCHAR",
                "updated_at TIMESTAMP", "dbt_scd_id VARCHAR", "dbt_updated_at TIMESTAMP", "dbt_valid_from TIMESTAMP", "dbt_valid_to TIMESTAMP");
        assertThat(versions(1, "main.ts_ignore")).containsExactly("1:paris:current", "2:rome:current", "3:oslo:current");
        assertThat(states.get(0).query("select dbt_scd_id || ' ' || dbt_valid_from || ' ' || dbt_updated_at from main.ts_ignore where id = 1"))
                .containsExactly("8bd6037542377309505ab720e545f24e 2024-01-01 00:00:00 2024-01-01 00:00:00");
        assertThat(states.get(0).query("select dbt_scd_id from main.ts_composite_key where id = 1"))
                .containsExactly("62830da25b44e984c98e4343020d3417");
    }

    @Test
    void timestampStrategyIgnoringDeletes() {
        List<String> second = List.of("1:paris:2024-01-02", "1:lyon:current", "2:rome:current", "3:oslo:current", "4:kyiv:current");
        List<String> third = List.of("1:paris:2024-01-02", "1:lyon:current", "2:rome:2024-01-03", "2:milan:current",
                "3:oslo:2024-01-03", "3:oslo:current", "4:kyiv:current");
        assertThat(versions(2, "main.ts_ignore")).containsExactlyElementsOf(second);
        assertThat(versions(3, "main.ts_ignore")).containsExactlyElementsOf(third);
        assertThat(versions(2, "main.ts_composite_key")).containsExactlyElementsOf(second);
        assertThat(versions(3, "main.ts_composite_key")).containsExactlyElementsOf(third);
        assertThat(versions(3, "main.custom_strategy")).containsExactlyElementsOf(third);
    }

    @Test
    void newSourceColumnsBecomeSnapshotColumns() {
        assertThat(states.get(1).columns("ts_ignore")).last().isEqualTo("email VARCHAR");
        assertThat(states.get(1).query("select id || ':' || coalesce(email, '-') from main.ts_ignore order by id, dbt_valid_from"))
                .containsExactly("1:-", "1:alice@example.com", "2:-", "3:-", "4:dave@example.com");
    }

    @Test
    void timestampStrategyInvalidatingDeletes() {
        assertThat(versions(2, "main.ts_invalidate"))
                .containsExactly("1:paris:2024-01-02", "1:lyon:current", "2:rome:current", "3:oslo:closed", "4:kyiv:current");
        assertThat(versions(3, "main.ts_invalidate")).containsExactly("1:paris:2024-01-02", "1:lyon:current",
                "2:rome:2024-01-03", "2:milan:current", "3:oslo:closed", "3:oslo:current", "4:kyiv:closed");
    }

    @Test
    void timestampStrategyRecordingDeletesAsNewRecords() {
        assertThat(versions(2, "main.ts_new_record", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")).containsExactly(
                "1:paris:2024-01-02:False", "1:lyon:current:False", "2:rome:current:False",
                "3:oslo:closed:False", "3:oslo:current:True", "4:kyiv:current:False");
        // carol's return closes her deletion record at her source timestamp, as dbt does
        assertThat(versions(3, "main.ts_new_record", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")).containsExactly(
                "1:paris:2024-01-02:False", "1:lyon:current:False", "2:rome:2024-01-03:False", "2:milan:current:False",
                "3:oslo:closed:False", "3:oslo:current:False", "3:oslo:2024-01-03:True", "4:kyiv:closed:False", "4:kyiv:current:True");
    }

    @Test
    void checkStrategyOnListedColumnsWithLegacyConfigs() {
        assertThat(states.get(0).query("select table_schema from information_schema.tables where table_name = 'check_city'"))
                .containsExactly("legacy_snapshots");
        assertThat(versions(2, "legacy_snapshots.check_city"))
                .containsExactly("1:paris:closed", "1:lyon:current", "2:rome:current", "3:oslo:closed", "4:kyiv:current");
        assertThat(versions(3, "legacy_snapshots.check_city")).containsExactly("1:paris:closed", "1:lyon:current",
                "2:rome:closed", "2:milan:current", "3:oslo:closed", "3:oslo:current", "4:kyiv:closed");
    }

    @Test
    void aSnapshotDefinedInYamlAloneSnapshotsItsRelation() throws IOException {
        // the same history as the SQL snapshot with the same config
        assertThat(versions(2, "main.yaml_check"))
                .containsExactly("1:paris:closed", "1:lyon:current", "2:rome:current", "3:oslo:closed", "4:kyiv:current");
        assertThat(versions(3, "main.yaml_check")).containsExactly("1:paris:closed", "1:lyon:current",
                "2:rome:closed", "2:milan:current", "3:oslo:closed", "3:oslo:current", "4:kyiv:closed");
        JsonNode node = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile()).at("/nodes/snapshot.snapshots.yaml_check");
        assertThat(node.get("raw_code").asString()).isEqualTo("select * from {{ ref('customers') }}");
        assertThat(node.get("original_file_path").asString()).isEqualTo("snapshots/yaml_snapshots.yml");
        assertThat(node.get("path").asString()).isEqualTo("yaml_snapshots.yml/yaml_check.sql");
        assertThat(node.get("fqn").toString()).isEqualTo("[\"snapshots\",\"yaml_check\"]");
        assertThat(node.at("/depends_on/nodes").toString()).isEqualTo("[\"seed.snapshots.customers\"]");
        assertThat(node.get("description").asString()).isEqualTo("The check strategy on city, defined without SQL");
        assertThat(node.at("/config/unique_key").asString()).as("from dbt_project.yml").isEqualTo("id");
    }

    @Test
    void checkStrategyOnAllColumnsVersionsEveryRowWhenAColumnAppears() {
        assertThat(versions(2, "main_history.check_all", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")).containsExactly(
                "1:paris:closed:False", "1:lyon:current:False", "2:rome:closed:False", "2:rome:current:False",
                "3:oslo:closed:False", "3:oslo:current:True", "4:kyiv:current:False");
        assertThat(versions(3, "main_history.check_all", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted")).containsExactly(
                "1:paris:closed:False", "1:lyon:current:False", "2:rome:closed:False", "2:rome:closed:False", "2:milan:current:False",
                "3:oslo:closed:False", "3:oslo:closed:True", "3:oslo:current:False", "4:kyiv:closed:False", "4:kyiv:current:True");
    }

    @Test
    void renamedMetaColumnsAndAFarFutureValidTo() {
        assertThat(states.get(0).columns("custom_columns")).containsExactly("id INTEGER", "name VARCHAR", "city VARCHAR",
                "updated_at TIMESTAMP", "version_id VARCHAR", "changed_at TIMESTAMP", "valid_from TIMESTAMP", "valid_to TIMESTAMP",
                "is_deleted VARCHAR");
        assertThat(states.get(0).query("select distinct cast(valid_to as varchar) from main.custom_columns")).containsExactly("9999-12-31 00:00:00");
        assertThat(versions(3, "main.custom_columns", "valid_from", "valid_to", "is_deleted"))
                .isEqualTo(versions(3, "main.ts_new_record", "dbt_valid_from", "dbt_valid_to", "dbt_is_deleted"));
        assertThat(states.get(2).query("select count(*) from main.custom_columns where valid_to = '9999-12-31'")).containsExactly("4");
    }
}

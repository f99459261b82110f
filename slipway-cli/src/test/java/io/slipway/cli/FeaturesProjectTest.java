package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
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

/**
 * dbt features beyond jaffle_shop: ephemeral models, hooks, on-run-start/end, a custom generic test,
 * adapter.dispatch, a generate_schema_name override, package-scoped vars, seed column_types and type
 * inference, warn_if/error_if, introspection with get_columns_in_relation.
 */
class FeaturesProjectTest {
    @TempDir
    static Path temp;
    static Path project;
    static CliRunner.Result build;

    @BeforeAll
    static void build() throws IOException, URISyntaxException {
        Path source = Path.of(FeaturesProjectTest.class.getResource("/projects/features").toURI());
        project = CliRunner.copyProject(source, temp.resolve("features"));
        build = new CliRunner(temp.resolve("home")).run(project, "build", "--project-dir", project.toString());
    }

    @Test
    void buildsWithOneWarning() {
        assertThat(build.exitCode()).as(build.all()).isZero();
        assertThat(build.out())
                .contains("Running 2 on-run-start hooks")
                .containsPattern("OK created sql view model analytics\\.priced_items")
                .containsPattern("OK created sql table model marts\\.item_summary")
                .containsPattern("WARN 2 few_items \\.+ \\[WARN 2 in")
                .contains("Warning in test few_items (tests/few_items.sql)")
                .contains("Got 2 results, configured to warn if >= 1")
                .contains("Running 1 on-run-end hook")
                .containsPattern("OK created sql audited_table model analytics\\.audited")
                .contains("Done. PASS=10 WARN=1 ERROR=0 SKIP=0 TOTAL=11")
                .doesNotContain("base_items");
    }

    @Test
    void ephemeralModelsBecomeCtes() throws IOException {
        String sql = Files.readString(project.resolve("target/compiled/features/models/priced_items.sql"));
        assertThat(sql.strip()).startsWith("with __dbt__cte__base_items as (\n")
                .contains("), base as (")
                .contains("select * from __dbt__cte__base_items")
                .contains("where price >= 0")
                .contains("round(price * 1.2, 2) as price_with_tax, 'hello' as greeting");
    }

    @Test
    void runQueryWorksAtRunTimeAndIsSwallowedWhileParsing() throws IOException {
        String sql = Files.readString(project.resolve("target/compiled/features/models/query_driven.sql"));
        assertThat(sql.strip()).isEqualTo("select 42 as answer, '1' as row_count, 1 as n_cols");
    }

    @Test
    void whereConfigFiltersTheTestedRelation() throws IOException {
        String sql = Files.readString(project.resolve("target/compiled/features/models/schema.yml/unique_priced_items_id.sql"));
        assertThat(sql).contains("from (select * from \"features\".\"analytics\".\"priced_items\" where id > 1) dbt_subquery");
    }

    @Test
    void introspectionSeesBuiltRelations() throws IOException {
        String sql = Files.readString(project.resolve("target/compiled/features/models/marts/item_summary.sql"));
        assertThat(sql).contains("-- columns: id, code, price_with_tax, greeting");
    }

    @Test
    void hooksAndSeedTypesLandInTheWarehouse() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/features.duckdb"));
             Statement s = c.createStatement()) {
            assertThat(rows(s, "select event from analytics.run_log order by logged_at, event")).containsExactly("start", "end");
            assertThat(rows(s, "select model from analytics.hook_log")).containsExactly("priced_items");
            assertThat(rows(s, "select model from analytics.audit_log")).containsExactly("audited");
            assertThat(rows(s, "select table_type from information_schema.tables where table_name = 'audited'")).containsExactly("BASE TABLE");
            assertThat(rows(s, "select column_name || ' ' || data_type from information_schema.columns"
                    + " where table_schema = 'analytics' and table_name = 'items' order by ordinal_position"))
                    .containsExactly("id INTEGER", "code VARCHAR", "price DOUBLE", "available BOOLEAN", "added_on DATE",
                            "updated_at TIMESTAMP", "note VARCHAR");
            assertThat(rows(s, "select code || '|' || coalesce(note, '<null>') from analytics.items order by id"))
                    .containsExactly("007|first", "042|<null>", "100|with, comma");
            assertThat(rows(s, "select total_id from marts.item_summary")).containsExactly("6");
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package io.slipway.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.RelationInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every adapter must do the same way, run against a real warehouse: seed type inference, each
 * materialization and its atomic rebuild, the four generic tests, case and quoting of identifiers,
 * reserved words, Unicode, NULLs, large numbers, timestamps with and without time zone, concurrent
 * threads, names at the length limit, and the example project. An adapter's tests extend it with one
 * small class that says where to build ({@link #target}).
 */
public abstract class AdapterConformanceSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    protected Path temp;

    /** The schema this test builds into, named after the test so runs against one server stay apart. */
    protected String schema;

    @BeforeEach
    void nameSchema(TestInfo info) {
        schema = "conf_" + info.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
    }

    /**
     * A profiles.yml target building into {@code schema} with {@code threads} threads.
     *
     * @param projectDir the project's folder (a file-based warehouse may live there)
     */
    protected abstract Map<String, Object> target(Path projectDir, String schema, int threads);

    /**
     * The column types the warehouse reports for the seed of {@link #seedTypesAreInferred}, whose columns
     * are, in order: integers, integers, numbers with decimals, booleans, dates, datetimes, text, integers
     * beyond 32 bits, and nothing but empty values.
     */
    protected abstract List<String> expectedSeedColumnTypes();

    protected final Map<String, Object> target(Path projectDir) {
        return target(projectDir, schema, 4);
    }

    /** A new, empty project for this test, building into {@link #schema}. */
    protected final TestProject project() {
        Path dir = temp.resolve("project");
        return TestProject.create(dir, "conformance", target(dir));
    }

    protected final SlipwayRunner runner() {
        return new SlipwayRunner(temp.resolve("home"));
    }

    protected final Warehouse warehouse(TestProject project) {
        return Warehouse.open(target(project.dir()), project.dir());
    }

    protected static SlipwayRunner.Result succeeds(SlipwayRunner.Result result) {
        assertThat(result.exitCode()).as(result.out()).isZero();
        return result;
    }

    @Test
    void cloneMakesViewsOverTheStateRelations() throws IOException {
        TestProject p = project()
                .file("seeds/base.csv", "id,name\n1,a\n2,b\n")
                .file("models/wide.sql", "{{ config(materialized='table') }}\nselect id, name from {{ ref('base') }}");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "build"));
        Path state = temp.resolve("prod-state");
        java.nio.file.Files.createDirectories(state);
        java.nio.file.Files.copy(p.dir().resolve("target/manifest.json"), state.resolve("manifest.json"));
        String production = schema;
        schema = schema + "_ci";
        p.profile(target(p.dir()));
        assertThat(succeeds(slipway.run(p.dir(), "clone", "--state", state.toString())).out()).contains("Done. PASS=2");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.find(schema, "wide")).map(r -> r.type().dbtName()).contains("view");
            assertThat(w.rows("select count(*) from " + w.relation(schema, "wide"))).containsExactly(row(2L));
            assertThat(w.find(production, "wide")).map(r -> r.type().dbtName()).contains("table");
        }
    }

    @Test
    void seedTypesAreInferred() {
        TestProject p = project().file("seeds/typed.csv", """
                id,amount,ratio,flag,day,at,label,big,empty
                1,10,1.5,true,2024-01-02,2024-01-02 03:04:05,alpha,3000000000,
                2,20,,false,2024-02-29,2024-02-29 23:59:59,,-3000000000,
                """);
        SlipwayRunner slipway = runner();
        assertThat(succeeds(slipway.run(p.dir(), "seed")).out()).contains("[INSERT 2 in").contains("Done. PASS=1 WARN=0 ERROR=0 SKIP=0 TOTAL=1");
        assertThat(succeeds(slipway.run(p.dir(), "seed")).out()).as("a reload empties the table first").contains("[INSERT 2 in");
        assertThat(succeeds(slipway.run(p.dir(), "seed", "--full-refresh")).out()).contains("[CREATE 2 in");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.columns(schema, "typed")).extracting(ColumnInfo::dataType).containsExactlyElementsOf(expectedSeedColumnTypes());
            assertThat(w.rows("select * from " + w.relation(schema, "typed") + " order by id")).containsExactly(
                    row(1L, 10L, 1.5, true, LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4, 5), "alpha", 3_000_000_000L, null),
                    row(2L, 20L, null, false, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 23, 59, 59), null, -3_000_000_000L, null));
        }
    }

    @Test
    void tablesViewsAndEphemeralModelsBuildAndRebuild() {
        TestProject p = project()
                .file("seeds/base.csv", "id,name\n1,ann\n2,bob\n3,cy\n")
                .file("models/picked.sql", "{{ config(materialized='ephemeral') }}\nselect id, name from {{ ref('base') }} where id <= {{ var('max_id', 2) }}\n")
                .file("models/as_table.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('picked') }}\n")
                .file("models/as_view.sql", "{{ config(materialized='view') }}\nselect id, upper(name) as name from {{ ref('as_table') }}\n");
        SlipwayRunner slipway = runner();
        assertThat(succeeds(slipway.run(p.dir(), "build")).out())
                .contains("Finished running 1 seed, 1 table model, 1 view model")
                .contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.find(schema, "as_table")).map(RelationInfo::type).map(Enum::name).hasValue("TABLE");
            assertThat(w.find(schema, "as_view")).map(RelationInfo::type).map(Enum::name).hasValue("VIEW");
            assertThat(w.find(schema, "picked")).as("ephemeral models are not built").isEmpty();
            assertThat(w.rows("select id, name from " + w.relation(schema, "as_view") + " order by id"))
                    .containsExactly(row(1L, "ANN"), row(2L, "BOB"));
        }

        succeeds(slipway.run(p.dir(), "run", "--vars", "{max_id: 3}"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.value("select count(*) from " + w.relation(schema, "as_view"))).isEqualTo(3L);
        }

        // a table becomes a view and a view a table: the swap handles a relation of the other type
        p.file("models/as_table.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('picked') }}\n")
                .file("models/as_view.sql", "{{ config(materialized='table') }}\nselect id, upper(name) as name from {{ ref('as_table') }}\n");
        succeeds(slipway.run(p.dir(), "run"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.find(schema, "as_table")).map(RelationInfo::type).map(Enum::name).hasValue("VIEW");
            assertThat(w.find(schema, "as_view")).map(RelationInfo::type).map(Enum::name).hasValue("TABLE");
            assertThat(w.value("select count(*) from " + w.relation(schema, "as_view"))).isEqualTo(2L);
            assertNoLeftovers(w);
        }
    }

    @Test
    void aFailedRebuildLeavesThePreviousRelations() {
        TestProject p = project()
                .file("models/stable_table.sql", "{{ config(materialized='table', post_hook=var('post', '')) }}\nselect {{ var('value', 1) }} as v\n")
                .file("models/stable_view.sql", "{{ config(materialized='view', post_hook=var('post', '')) }}\nselect {{ var('value', 1) }} as v\n");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "run"));

        // the post-hook fails inside the transaction, after the new relation was swapped in: all of it rolls back
        SlipwayRunner.Result failed = slipway.run(p.dir(), "run", "--vars", "{value: 2, post: 'select * from no_such_relation'}");
        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
        assertThat(failed.out()).contains("Done. PASS=0 WARN=0 ERROR=2 SKIP=0 TOTAL=2");
        // and a build that fails before the swap leaves them too
        SlipwayRunner.Result broken = slipway.run(p.dir(), "run", "--vars", "{value: no_such_column}");
        assertThat(broken.exitCode()).as(broken.out()).isEqualTo(1);
        try (Warehouse w = warehouse(p)) {
            assertThat(w.value("select v from " + w.relation(schema, "stable_table"))).isEqualTo(1L);
            assertThat(w.value("select v from " + w.relation(schema, "stable_view"))).isEqualTo(1L);
            assertThat(w.find(schema, "stable_view")).map(RelationInfo::type).map(Enum::name).hasValue("VIEW");
            assertNoLeftovers(w);
        }
        succeeds(slipway.run(p.dir(), "run", "--vars", "{value: 3}"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.value("select v from " + w.relation(schema, "stable_table"))).isEqualTo(3L);
        }
    }

    @Test
    void theFourGenericTestsPassAndFail() {
        TestProject p = project()
                .file("models/parents.sql", "select 1 as id union all select 2 as id\n")
                .file("models/children.sql", """
                        select 1 as id, 1 as parent_id, 'a' as kind
                        union all select 2, 2, 'b'
                        union all select 3, 9, 'c'
                        union all select 3, null, 'a'
                        """)
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: parents
                            columns:
                              - name: id
                                data_tests:
                                  - unique
                                  - not_null
                                  - accepted_values:
                                      values: [1, 2]
                                      quote: false
                          - name: children
                            columns:
                              - name: id
                                data_tests: [unique, not_null]
                              - name: parent_id
                                data_tests:
                                  - not_null
                                  - relationships:
                                      to: ref('parents')
                                      field: id
                              - name: kind
                                data_tests:
                                  - accepted_values:
                                      values: ['a', 'b']
                        """);
        SlipwayRunner.Result result = runner().run(p.dir(), "build");
        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out())
                .contains("Done. PASS=6 WARN=0 ERROR=4 SKIP=0 TOTAL=10")
                .contains("Failure in test unique_children_id")
                .contains("Failure in test not_null_children_parent_id")
                .contains("Failure in test relationships_children_parent_id__id__ref_parents_")
                .contains("Failure in test accepted_values_children_kind__a__b")
                .contains("Got 1 result, configured to fail if != 0");
    }

    @Test
    void identifiersKeepTheirCaseAndQuoting() {
        TestProject p = project()
                .file("models/MixedCase.sql", "{{ config(materialized='table') }}\nselect 1 as \"Order Id\", 2 as \"UPPER\", 3 as lower_name\n")
                .file("models/downstream.sql", "select \"Order Id\" + \"UPPER\" + lower_name as total from {{ ref('MixedCase') }}\n");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "run"));
        succeeds(slipway.run(p.dir(), "run"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.relations(schema)).extracting(RelationInfo::identifier).containsExactlyInAnyOrder("MixedCase", "downstream");
            assertThat(w.columns(schema, "MixedCase")).extracting(ColumnInfo::name).containsExactly("Order Id", "UPPER", "lower_name");
            assertThat(w.value("select total from " + w.relation(schema, "downstream"))).isEqualTo(6L);
        }
    }

    @Test
    void reservedWordsWorkAsNames() {
        TestProject p = project()
                .file("dbt_project.yml", """
                        name: conformance
                        version: '1.0'
                        config-version: 2
                        profile: conformance
                        seeds:
                          conformance:
                            +quote_columns: true
                        """)
                .file("seeds/keywords.csv", "select,from,table\n1,a,x\n2,b,y\n")
                .file("models/order.sql", "{{ config(materialized='table') }}\nselect \"select\" as \"group\", \"from\" as \"user\" from {{ ref('keywords') }}\n")
                .file("models/select.sql", "{{ config(materialized='view') }}\nselect \"group\", \"user\" from {{ ref('order') }} where \"group\" > 1\n");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "build"));
        succeeds(slipway.run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select * from " + w.relation(schema, "select"))).containsExactly(row(2L, "b"));
            assertThat(w.columns(schema, "keywords")).extracting(ColumnInfo::name).containsExactly("select", "from", "table");
        }
    }

    @Test
    void unicodeSurvivesSeedsModelsAndNames() {
        TestProject p = project()
                .file("seeds/greetings.csv", "id,word\n1,Zoë\n2,東京\n3,emoji 🎉\n4,\"naïve, \"\"quoted\"\"\"\n5,\"two\nlines\"\n")
                .file("models/café.sql", "{{ config(materialized='table') }}\nselect id, word as \"prénom\" from {{ ref('greetings') }}\n");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "build"));
        succeeds(slipway.run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.columns(schema, "café")).extracting(ColumnInfo::name).containsExactly("id", "prénom");
            assertThat(w.rows("select \"prénom\" from " + w.relation(schema, "café") + " order by id"))
                    .containsExactly(row("Zoë"), row("東京"), row("emoji 🎉"), row("naïve, \"quoted\""), row("two\nlines"));
        }
    }

    @Test
    void nullsStayNull() {
        TestProject p = project()
                .file("seeds/sparse.csv", "id,n,x,d,b,t\n1,,,,,\n2,5,1.5,2024-01-01,true,hello\n3,null,,,,\n")
                .file("models/null_counts.sql", """
                        select count(*) as total, count(n) as n, count(x) as x, count(d) as d, count(b) as b, count(t) as t,
                               count(cast(null as integer)) as nothing
                        from {{ ref('sparse') }}
                        """)
                .file("models/schema.yml", """
                        version: 2
                        seeds:
                          - name: sparse
                            columns:
                              - name: n
                                data_tests: [not_null]
                        """);
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "seed"));
        succeeds(slipway.run(p.dir(), "run"));
        SlipwayRunner.Result test = slipway.run(p.dir(), "test");
        assertThat(test.exitCode()).as(test.out()).isEqualTo(1);
        assertThat(test.out()).contains("Got 2 results, configured to fail if != 0").contains("Done. PASS=0 WARN=0 ERROR=1 SKIP=0 TOTAL=1");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select * from " + w.relation(schema, "null_counts"))).containsExactly(row(3L, 1L, 1L, 1L, 1L, 1L, 0L));
            assertThat(w.rows("select * from " + w.relation(schema, "sparse") + " where id = 1"))
                    .containsExactly(row(1L, null, null, null, null, null));
        }
    }

    @Test
    void largeNumericsStayExact() {
        TestProject p = project()
                .file("seeds/big.csv", "id,big,huge\n1,9223372036854775807,1.5e300\n2,9223372036854775807,-2.5e-300\n")
                .file("models/decimals.sql", """
                        {{ config(materialized='table') }}
                        select cast('12345678901234567890.123456789' as decimal(38, 9)) as d,
                               cast('-99999999999999999999999999999.999999999' as decimal(38, 9)) as neg,
                               (select sum(big) from {{ ref('big') }}) as total,
                               (select max(huge) from {{ ref('big') }}) as huge
                        """);
        succeeds(runner().run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select big from " + w.relation(schema, "big"))).containsOnly(row(Long.MAX_VALUE));
            List<Object> values = w.rows("select * from " + w.relation(schema, "decimals")).get(0);
            assertThat(decimal(values.get(0))).isEqualByComparingTo("12345678901234567890.123456789");
            assertThat(decimal(values.get(1))).isEqualByComparingTo("-99999999999999999999999999999.999999999");
            assertThat(decimal(values.get(2))).isEqualByComparingTo("18446744073709551614");
            assertThat(values.get(3)).isEqualTo(1.5e300);
        }
    }

    @Test
    void timestampsWithAndWithoutTimeZone() {
        TestProject p = project()
                .file("seeds/events.csv", "id,at\n1,2024-03-31 02:30:00\n2,1999-12-31 23:59:59\n")
                .file("models/times.sql", """
                        {{ config(materialized='table') }}
                        select cast('2024-03-10 12:34:56.789' as timestamp) as ts,
                               cast('2024-03-10 12:34:56.789+02:00' as timestamp with time zone) as tstz,
                               cast('2024-02-29' as date) as d,
                               (select max("at") from {{ ref('events') }}) as latest
                        """);
        succeeds(runner().run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            List<Object> values = w.rows("select * from " + w.relation(schema, "times")).get(0);
            assertThat(values.get(0)).isEqualTo(LocalDateTime.of(2024, 3, 10, 12, 34, 56, 789_000_000));
            assertThat(values.get(1)).isInstanceOf(OffsetDateTime.class);
            assertThat(((OffsetDateTime) values.get(1)).toInstant()).isEqualTo(Instant.parse("2024-03-10T10:34:56.789Z"));
            assertThat(values.get(2)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(values.get(3)).isEqualTo(LocalDateTime.of(2024, 3, 31, 2, 30));
            assertThat(w.rows("select \"at\" from " + w.relation(schema, "events") + " order by id"))
                    .containsExactly(row(LocalDateTime.of(2024, 3, 31, 2, 30)), row(LocalDateTime.of(1999, 12, 31, 23, 59, 59)));
        }
    }

    @Test
    void threadsBuildIndependentModelsConcurrently() throws IOException {
        TestProject p = project();
        StringBuilder union = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            String name = String.format("part_%02d", i);
            p.file("models/" + name + ".sql", "{{ config(materialized='table') }}\nselect " + i + " as id\n");
            union.append(i == 1 ? "" : "union all\n").append("select id from {{ ref('").append(name).append("') }}\n");
        }
        p.file("models/all_parts.sql", union.toString());
        SlipwayRunner.Result result = succeeds(runner().run(p.dir(), "run", "--threads", "4"));
        assertThat(result.out()).contains("Concurrency: 4 threads").contains("Done. PASS=13 WARN=0 ERROR=0 SKIP=0 TOTAL=13");
        JsonNode runResults = JSON.readTree(p.dir().resolve("target/run_results.json").toFile());
        Set<String> threads = new HashSet<>();
        runResults.get("results").forEach(r -> threads.add(r.get("thread_id").asText()));
        assertThat(threads).as("nodes ran on several threads").hasSizeGreaterThan(1);
        try (Warehouse w = warehouse(p)) {
            assertThat(w.value("select sum(id) from " + w.relation(schema, "all_parts")).toString()).isEqualTo("78");
        }
    }

    @Test
    void namesAtTheLengthLimitRebuild() {
        String tableName = "t".repeat(30) + "_long_table_name_at_the_limit_" + "x".repeat(3);
        String viewName = "v".repeat(30) + "_long_view_name_at_the_limit__" + "y".repeat(3);
        assertThat(tableName).hasSize(63);
        assertThat(viewName).hasSize(63);
        TestProject p = project()
                .file("models/" + tableName + ".sql", "{{ config(materialized='table') }}\nselect {{ var('n', 1) }} as n\n")
                .file("models/" + viewName + ".sql", "{{ config(materialized='view') }}\nselect n from {{ ref('" + tableName + "') }}\n");
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "run"));
        succeeds(slipway.run(p.dir(), "run", "--vars", "{n: 2}"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.value("select n from " + w.relation(schema, viewName))).isEqualTo(2L);
            assertThat(w.relations(schema)).extracting(RelationInfo::identifier).containsExactlyInAnyOrder(tableName, viewName);
        }
    }

    @Test
    void incrementalStrategiesApplyTheNewRows() {
        String filter = "\n{% if is_incremental() %}where updated_at > (select max(updated_at) from {{ this }}){% endif %}\n";
        TestProject p = project()
                .file("seeds/events.csv", """
                        id,amount,updated_at
                        1,10,2024-01-01 00:00:00
                        2,20,2024-01-01 00:00:00
                        3,30,2024-01-01 00:00:00
                        """)
                .file("models/append_events.sql", "{{ config(materialized='incremental', incremental_strategy='append') }}\n"
                        + "select * from {{ ref('events') }}" + filter)
                .file("models/delete_insert_events.sql", "{{ config(materialized='incremental', incremental_strategy='delete+insert',"
                        + " unique_key='id') }}\nselect * from {{ ref('events') }}" + filter)
                .file("models/merge_events.sql", "{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}\n"
                        + "select * from {{ ref('events') }}" + filter)
                .file("models/default_events.sql", "{{ config(materialized='incremental', unique_key=['id']) }}\n"
                        + "select * from {{ ref('events') }}" + filter)
                .file("models/new_columns.sql", "{{ config(materialized='incremental', unique_key='id', on_schema_change='append_new_columns') }}\n"
                        + "select id, amount{{ \", amount * 2 as doubled\" if var('round', 1) > 1 }} from {{ ref('events') }}"
                        + "\n{% if is_incremental() %}where id > 1{% endif %}\n");
        SlipwayRunner slipway = runner();
        assertThat(succeeds(slipway.run(p.dir(), "build")).out()).contains("Done. PASS=6 WARN=0 ERROR=0 SKIP=0 TOTAL=6");
        // 1 updated, 3 gone, 4 new
        p.file("seeds/events.csv", """
                id,amount,updated_at
                1,11,2024-01-02 00:00:00
                2,20,2024-01-01 00:00:00
                4,40,2024-01-02 00:00:00
                """);
        assertThat(succeeds(slipway.run(p.dir(), "build", "--vars", "{round: 2}")).out())
                .contains("OK created sql incremental model " + schema + ".merge_events");
        try (Warehouse w = warehouse(p)) {
            assertThat(amounts(w, "append_events")).containsExactly(row(1L, 10L), row(1L, 11L), row(2L, 20L), row(3L, 30L), row(4L, 40L));
            for (String model : List.of("delete_insert_events", "merge_events", "default_events")) {
                assertThat(amounts(w, model)).as(model).containsExactly(row(1L, 11L), row(2L, 20L), row(3L, 30L), row(4L, 40L));
            }
            assertThat(w.rows("select * from " + w.relation(schema, "new_columns") + " order by id"))
                    .containsExactly(row(1L, 10L, null), row(2L, 20L, 40L), row(3L, 30L, null), row(4L, 40L, 80L));
            assertNoLeftovers(w);
        }
        succeeds(slipway.run(p.dir(), "run", "--full-refresh", "--select", "merge_events"));
        try (Warehouse w = warehouse(p)) {
            assertThat(amounts(w, "merge_events")).containsExactly(row(1L, 11L), row(2L, 20L), row(4L, 40L));
        }
    }

    private List<List<Object>> amounts(Warehouse w, String model) {
        return w.rows("select id, amount from " + w.relation(schema, model) + " order by id, amount");
    }

    @Test
    void snapshotsKeepTheHistoryOfChangedAndDeletedRows() {
        TestProject p = project()
                .file("seeds/customers.csv", """
                        id,city,updated_at
                        1,paris,2024-01-01 00:00:00
                        2,rome,2024-01-01 00:00:00
                        3,oslo,2024-01-01 00:00:00
                        """)
                .file("snapshots/history.sql", """
                        {% snapshot by_timestamp %}
                        {{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate') }}
                        select * from {{ ref('customers') }}
                        {% endsnapshot %}

                        {% snapshot by_check %}
                        {{ config(unique_key='id', strategy='check', check_cols=['city']) }}
                        select * from {{ ref('customers') }}
                        {% endsnapshot %}
                        """);
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "seed"));
        assertThat(succeeds(slipway.run(p.dir(), "snapshot")).out())
                .contains("OK snapshotted " + schema + ".by_timestamp")
                .contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");
        // 1 moves, 3 is deleted, 4 arrives
        p.file("seeds/customers.csv", """
                id,city,updated_at
                1,lyon,2024-01-02 00:00:00
                2,rome,2024-01-01 00:00:00
                4,kyiv,2024-01-02 00:00:00
                """);
        succeeds(slipway.run(p.dir(), "seed"));
        succeeds(slipway.run(p.dir(), "snapshot"));
        try (Warehouse w = warehouse(p)) {
            String versions = "select id, city, dbt_valid_from, dbt_valid_to from %s order by id, dbt_valid_from";
            List<List<Object>> timestamp = w.rows(versions.formatted(w.relation(schema, "by_timestamp")));
            LocalDateTime day1 = LocalDateTime.of(2024, 1, 1, 0, 0);
            LocalDateTime day2 = LocalDateTime.of(2024, 1, 2, 0, 0);
            assertThat(timestamp.subList(0, 3)).containsExactly(row(1L, "paris", day1, day2), row(1L, "lyon", day2, null),
                    row(2L, "rome", day1, null));
            assertThat(timestamp.get(3).subList(0, 3)).as("a deleted row is closed at the run's time").isEqualTo(row(3L, "oslo", day1));
            assertThat(timestamp.get(3).get(3)).isInstanceOf(LocalDateTime.class);
            assertThat(timestamp.get(4)).isEqualTo(row(4L, "kyiv", day2, null));
            List<List<Object>> check = w.rows("select id, city, dbt_valid_to is null from " + w.relation(schema, "by_check")
                    + " order by id, dbt_valid_from");
            assertThat(check).containsExactly(row(1L, "paris", false), row(1L, "lyon", true), row(2L, "rome", true),
                    row(3L, "oslo", true), row(4L, "kyiv", true));
            assertThat(w.value("select count(distinct dbt_scd_id) from " + w.relation(schema, "by_timestamp"))).isEqualTo(5L);
            assertNoLeftovers(w);
        }
    }

    @Test
    void enforcedContractsTypeTheTableAndRefuseOtherColumns() {
        TestProject p = project()
                .file("models/contracted.sql", "{{ config(materialized='table') }}\nselect 1 as id, 'a' as name\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: contracted
                            config:
                              contract: {enforced: true}
                            columns:
                              - name: id
                                data_type: integer
                                constraints: [{type: not_null}]
                              - name: name
                                data_type: text
                        """);
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "run"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select id, name from " + w.relation(schema, "contracted"))).containsExactly(row(1L, "a"));
        }
        p.file("models/contracted.sql", "{{ config(materialized='table') }}\nselect 'one' as id, 'a' as name\n");
        SlipwayRunner.Result broken = slipway.run(p.dir(), "run");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("This model has an enforced contract that failed.").contains("data type mismatch");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select id, name from " + w.relation(schema, "contracted"))).as("the previous table").containsExactly(row(1L, "a"));
        }
    }

    @Test
    void unitTestsCompareTypedFixtureRowsInAnyOrder() {
        TestProject p = project()
                .file("seeds/people.csv", "id,name,score,joined\n1,ann,1.5,2024-01-01\n2,bob,2.25,2024-02-01\n")
                .file("models/scored.sql", "{{ config(materialized='table') }}\n"
                        + "select id, upper(name) as name, score * 2 as doubled, joined from {{ ref('people') }} where score > 0\n")
                .file("models/unit_tests.yml", """
                        unit_tests:
                          - name: doubles_scores
                            model: scored
                            given:
                              - input: ref('people')
                                rows:
                                  - {id: 3, name: "o'hara", score: 4.5, joined: 2024-03-01}
                                  - {id: 1, name: ann, score: 1.25}
                                  - {id: 2, name: bob, score: 0}
                            expect:
                              rows:
                                - {id: 1, name: ANN, doubled: 2.5}
                                - {id: 3, name: "O'HARA", doubled: 9}
                          - name: catches_a_wrong_expectation
                            model: scored
                            given:
                              - input: ref('people')
                                format: csv
                                rows: |
                                  id,name,score,joined
                                  1,ann,1,
                            expect:
                              rows:
                                - {id: 1, name: ANN, doubled: 3}
                        """);
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "seed"));
        SlipwayRunner.Result result = slipway.run(p.dir(), "test", "--select", "test_type:unit");
        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.out()).contains("PASS doubles_scores").contains("FAIL 1 catches_a_wrong_expectation")
                .contains("actual differs from expected")
                .containsPattern("(?m)^\\+\\+\\+ +\\| 1 +\\| ANN +\\| 2$")
                .containsPattern("(?m)^--- +\\| 1 +\\| ANN +\\| 3$");
        try (Warehouse w = warehouse(p)) {
            assertNoLeftovers(w);
        }
    }

    /**
     * The grants the warehouse reports on a relation, as {@code privilege:grantee} (lower case), or null when it
     * has no privileges to grant (the grants config then must not stop a build). {@code role} must exist after.
     */
    protected List<String> grantsOn(Warehouse w, String schema, String identifier, String role) {
        return null;
    }

    /** The warehouse's comment on a relation, then {@code column:comment} for each commented column in order. */
    protected abstract List<String> commentsOn(Warehouse w, String schema, String identifier);

    @Test
    void persistDocsPutsDescriptionsInTheWarehousesComments() {
        TestProject p = project()
                .file("seeds/ids.csv", "id,name\n1,a\n")
                .file("models/documented_table.sql", "{{ config(materialized='table') }}\nselect id, name from {{ ref('ids') }}\n")
                .file("models/documented_view.sql", "{{ config(materialized='view') }}\nselect id, name from {{ ref('ids') }}\n")
                .file("models/undocumented.sql", "{{ config(materialized='table', persist_docs={}) }}\nselect id from {{ ref('ids') }}\n")
                .file("models/properties.yml", """
                        models:
                          - name: documented_table
                            description: "One row per id; it's documented"
                            config:
                              persist_docs: {relation: true, columns: true}
                            columns:
                              - name: id
                                description: The key
                              - name: gone
                                description: Not in the relation, so not commented
                          - name: documented_view
                            description: A view of ids
                            config:
                              persist_docs: {relation: true}
                            columns:
                              - name: id
                                description: Not persisted (columns false)
                          - name: undocumented
                            description: Not persisted
                        """);
        succeeds(runner().run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            assertThat(commentsOn(w, schema, "documented_table")).containsExactly("One row per id; it's documented", "id:The key");
            assertThat(commentsOn(w, schema, "documented_view")).containsExactly("A view of ids");
            assertThat(commentsOn(w, schema, "undocumented")).containsExactly((String) null);
        }
    }

    @Test
    void grantsAreGrantedAndRevokedAsConfigured() {
        String role = "conf_reader";
        String other = "conf_auditor";
        TestProject p = project()
                .file("seeds/ids.csv", "id\n1\n2\n")
                .file("models/granted_table.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('ids') }}\n")
                .file("models/granted_view.sql", "{{ config(materialized='view') }}\nselect * from {{ ref('ids') }}\n")
                .file("models/granted_incremental.sql", "{{ config(materialized='incremental', unique_key='id') }}\nselect * from {{ ref('ids') }}\n")
                .file("models/properties.yml", "models:\n  - name: granted_incremental\n    config:\n      grants: {select: ['" + role + "']}\n"
                        + "  - name: granted_table\n    config:\n      grants: {select: " + role + "}\n"
                        + "  - name: granted_view\n    config:\n      grants: {select: ['" + role + "']}\n"
                        + "seeds:\n  - name: ids\n    config:\n      grants: {select: ['" + role + "']}\n");
        try (Warehouse w = warehouse(p)) {
            if (grantsOn(w, schema, "none", role) == null || grantsOn(w, schema, "none", other) == null) {
                // no privileges here: the config is accepted and the models build
                succeeds(runner().run(p.dir(), "build"));
                return;
            }
        }
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "build"));
        try (Warehouse w = warehouse(p)) {
            for (String relation : List.of("ids", "granted_table", "granted_view", "granted_incremental")) {
                assertThat(grantsOn(w, schema, relation, role)).as(relation).containsExactly("select:" + role);
            }
        }
        // an incremental run keeps the relation: the role no longer configured is revoked, the new one granted
        p.file("models/properties.yml", "models:\n  - name: granted_incremental\n    config:\n      grants: {select: ['" + other + "']}\n");
        succeeds(slipway.run(p.dir(), "run", "--select", "granted_incremental"));
        try (Warehouse w = warehouse(p)) {
            assertThat(grantsOn(w, schema, "granted_incremental", other)).containsExactly("select:" + other);
            assertThat(grantsOn(w, schema, "granted_incremental", role)).as("revoked").isEmpty();
        }
    }

    @Test
    void microbatchModelsReplaceOneEventTimeWindowPerBatch() {
        TestProject p = project()
                .file("seeds/events.csv", "id,event_at,amount\n1,2024-01-01 10:00:00,10\n2,2024-01-02 11:00:00,20\n3,2024-01-03 12:00:00,30\n")
                .file("seeds/properties.yml", "seeds:\n  - name: events\n    config:\n      event_time: event_at\n")
                .file("models/daily_events.sql", """
                        {{ config(materialized='incremental', incremental_strategy='microbatch', event_time='event_at',
                                  batch_size='day', begin='2024-01-01') }}
                        select id, event_at, amount, '{{ model.batch.id }}' as batch_id from {{ ref('events') }}
                        """);
        SlipwayRunner slipway = runner();
        succeeds(slipway.run(p.dir(), "seed"));
        SlipwayRunner.Result first = succeeds(slipway.run(p.dir(), "run", "--event-time-start", "2024-01-01", "--event-time-end", "2024-01-04"));
        assertThat(first.out()).contains("START sql microbatch model").contains("Batch 1 of 3 START batch 2024-01-01 of " + schema + ".daily_events")
                .contains("Batch 3 of 3 OK created batch 2024-01-03 of " + schema + ".daily_events");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select id, amount, batch_id from " + w.relation(schema, "daily_events") + " order by id"))
                    .containsExactly(row(1L, 10L, "20240101"), row(2L, 20L, "20240102"), row(3L, 30L, "20240103"));
        }
        // every day changes upstream; only the batch asked for is rebuilt
        p.file("seeds/events.csv", "id,event_at,amount\n1,2024-01-01 10:00:00,11\n2,2024-01-02 11:00:00,21\n"
                + "3,2024-01-03 12:00:00,31\n4,2024-01-02 23:00:00,40\n");
        succeeds(slipway.run(p.dir(), "seed"));
        succeeds(slipway.run(p.dir(), "run", "--event-time-start", "2024-01-02", "--event-time-end", "2024-01-03"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select id, amount from " + w.relation(schema, "daily_events") + " order by id"))
                    .containsExactly(row(1L, 10L), row(2L, 21L), row(3L, 30L), row(4L, 40L));
            assertNoLeftovers(w);
        }
    }

    @Test
    void crossDatabaseMacrosGiveTheSameValues() {
        TestProject p = project()
                .file("models/probe.sql", """
                        {{ config(materialized='table') }}
                        select
                          cast(cast('abc' as {{ dbt.type_string() }}) as varchar) as s,
                          cast(cast(1.5 as {{ dbt.type_numeric() }}) as varchar) as n,
                          cast(cast(2 as {{ dbt.type_bigint() }}) + cast(3 as {{ dbt.type_int() }}) as varchar) as i,
                          cast(cast('2024-01-02 03:04:05' as {{ dbt.type_timestamp() }}) as varchar) as ts,
                          {{ dbt.concat(["'a'", "'b'"]) }} as ab,
                          {{ dbt.hash("'x'") }} as hashed,
                          cast({{ dbt.length("'hello'") }} as varchar) as len,
                          cast({{ dbt.position("'l'", "'hello'") }} as varchar) as pos,
                          {{ dbt.replace("'hello'", "'l'", "'L'") }} || {{ dbt.right("'hello'", 2) }} || {{ dbt.split_part("'a-b-c'", "'-'", 2) }} as texts,
                          {{ dbt.cast_bool_to_text("true") }} as bool_text,
                          cast({{ dbt.date(2024, 2, 29) }} as varchar) as d,
                          cast(cast({{ dbt.date_trunc('month', "cast('2024-02-15' as date)") }} as date) as varchar) as truncated,
                          cast(cast({{ dbt.dateadd('day', 3, "cast('2024-02-27' as date)") }} as date) as varchar) as added,
                          cast({{ dbt.datediff("cast('2024-01-31' as date)", "cast('2024-03-01' as date)", 'month') }} as varchar) as months,
                          cast({{ dbt.datediff("cast('2024-01-01' as date)", "cast('2024-03-01' as date)", 'day') }} as varchar) as days,
                          cast({{ dbt.last_day("cast('2024-02-10' as date)", 'month') }} as varchar) as last_day,
                          {{ dbt.string_literal("it''s") }} as lit
                        """)
                .file("models/aggregates.sql", """
                        {{ config(materialized='table') }}
                        with v as (select 1 as g, 'x' as s, true as t union all select 1, 'y', false union all select 1, 'z', false)
                        select {{ dbt.listagg('s', "','", "order by s") }} as all_s, {{ dbt.listagg('s', "'|'", "order by s desc", 2) }} as two_s,
                               {{ dbt.bool_or('t') }} as any_t, {{ dbt.any_value('g') }} as any_g
                        from v group by g
                        """)
                .file("models/spine.sql", "{{ config(materialized='table') }}\n"
                        + "{{ dbt.date_spine('day', \"cast('2024-01-01' as date)\", \"cast('2024-01-10' as date)\") }}\n");
        succeeds(runner().run(p.dir(), "run"));
        try (Warehouse w = warehouse(p)) {
            assertThat(w.rows("select s, n, i, ts, ab, hashed, len, pos, texts, bool_text, d, truncated, added, months, days, last_day, lit from "
                    + w.relation(schema, "probe"))).containsExactly(row("abc", "1.500000", "5", "2024-01-02 03:04:05", "ab",
                    "9dd4e461268c8034f5c8564e155c67a6", "5", "3", "heLLolob", "true", "2024-02-29", "2024-02-01", "2024-03-01", "2", "60",
                    "2024-02-29", "it's"));
            assertThat(w.rows("select all_s, two_s, any_t, any_g from " + w.relation(schema, "aggregates")))
                    .containsExactly(row("x,y,z", "z|y", true, 1L));
            assertThat(w.rows("select count(*), cast(min(date_day) as date), cast(max(date_day) as date) from " + w.relation(schema, "spine")))
                    .containsExactly(row(9L, java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 1, 9)));
        }
    }

    @Test
    void theJaffleShopExampleBuildsWithPass28() {
        Path dir = temp.resolve("jaffle_shop");
        TestProject p = TestProject.copyOf(TestProject.exampleJaffleShop(), dir, "jaffle_shop", target(dir));
        p.delete("tests/assert_order_amounts_match_payments.sql");
        SlipwayRunner.Result result = succeeds(runner().run(p.dir(), "build"));
        assertThat(result.out())
                .contains("Finished running 3 seeds, 3 view models, 2 table models, 20 data tests")
                .contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");
        try (Warehouse w = warehouse(p)) {
            assertThat(w.digest(schema, "customers").rows()).isEqualTo(100);
            assertThat(w.digest(schema, "orders").rows()).isEqualTo(99);
        }
    }

    /** Row counts and checksums of the example's models after a build, for comparing warehouses. */
    protected static Map<String, TableDigest> jaffleShopDigests(Warehouse w, String schema) {
        Map<String, TableDigest> digests = new LinkedHashMap<>();
        for (String model : List.of("raw_customers", "raw_orders", "raw_payments", "stg_customers", "stg_orders", "stg_payments",
                "customers", "orders")) {
            digests.put(model, w.digest(schema, model));
        }
        return digests;
    }

    /** No __dbt_tmp or __dbt_backup relation was left behind. */
    protected final void assertNoLeftovers(Warehouse w) {
        assertThat(w.relations(schema)).extracting(RelationInfo::identifier)
                .noneMatch(name -> name.contains("__dbt_tmp") || name.contains("__dbt_backup"));
    }

    protected static List<Object> row(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}

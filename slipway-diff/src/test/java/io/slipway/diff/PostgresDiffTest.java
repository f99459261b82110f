package io.slipway.diff;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterSettings;
import io.slipway.diff.connect.DatabaseUrl;
import io.slipway.diff.report.Sample;
import io.slipway.diff.report.TableDiff;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL against DuckDB: the same data written by each warehouse's own SQL. A hash diff across the two
 * (md5 row hashes, modular arithmetic for numbers, timestamps as epoch microseconds, text in byte order),
 * a hash diff between two PostgreSQL relations and a join diff inside PostgreSQL all give DuckDB's join
 * diff result, with NULLs, composite keys, text keys, timestamps, time zones and decimals.
 */
class PostgresDiffTest {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();
    @TempDir
    static Path dir;
    static Adapter postgres;
    static DuckDb duckdb;

    static final String[] POSTGRES_TABLES = {
        "create table prod as select i::integer as id, 'r' || (i % 17) as region,"
                + " timestamp '2024-01-01' + make_interval(secs => i * 1000.5) as \"at\", 'name-' || i as name,"
                + " (i * 1.125)::numeric(14,4) as amount, (i % 977) / 7.0::double precision as score, i % 2 = 0 as flag,"
                + " date '2020-01-01' + i as day, (timestamp '2024-01-01 10:00' + make_interval(secs => i)) at time zone 'UTC' as attz,"
                + " case when i % 7 = 0 then null else 'n' || i end as note from generate_series(1, 2000) i",
        "create table dev as select * from prod where id not in (3, 999, 1500)",
        "insert into dev values (2001, 'zz', timestamp '2030-01-01 00:00:00.5', 'new-1', 1.5, 0.25, true, date '2030-01-01',"
                + " timestamptz '2030-01-01 00:00:00+00', null),"
                + " (2002, 'zz', timestamp '2030-01-02', 'new-2', null, null, null, null, null, 'x')",
        "update dev set name = 'renamed' where id = 20",
        "update dev set amount = amount + 0.0001 where id = 21",
        "update dev set \"at\" = \"at\" + interval '1 microsecond' where id = 22",
        "update dev set attz = attz + interval '1 hour' where id = 23",
        "update dev set score = score + 0.001 where id = 24",
        "update dev set flag = not flag where id = 25",
        "update dev set day = day + 1 where id = 26",
        "update dev set score = score + 1e-9 where id = 27",
        "update dev set note = 'was null' where id = 28",
        "update dev set note = null where id = 29",
        "update dev set name = 'both', amount = 0 where id = 30",
        "create table numbers_only as select id, amount, score, flag, day, \"at\" from prod",
    };

    @BeforeAll
    static void create() {
        postgres = DatabaseUrl.adapter(new AdapterSettings("test", POSTGRES.database().target("public", 4), dir));
        try (AdapterConnection c = postgres.open("setup")) {
            for (String s : POSTGRES_TABLES) {
                c.execute(s);
            }
        }
        duckdb = DuckDb.open(dir.resolve("duck.duckdb")).run(Fixtures.PROD_AND_DEV);
        duckdb.run("create table numbers_only as select id, amount, score, flag, day, \"at\" from prod");
    }

    @AfterAll
    static void close() {
        postgres.close();
        duckdb.close();
    }

    private static DiffTarget pg(String table) {
        return new DiffTarget(postgres, RelationName.parse(table));
    }

    private static void assertSameResult(TableDiff actual, TableDiff expected) {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        assertThat(actual.columns()).extracting(c -> c.name() + " " + c.status() + " " + c.changed() + " " + c.matchRate())
                .isEqualTo(expected.columns().stream().map(c -> c.name() + " " + c.status() + " " + c.changed() + " " + c.matchRate()).toList());
        // values print per driver (a time zone's offset, say); the rows, kinds and changed columns must agree
        assertThat(actual.samples()).extracting(s -> s.kind() + " " + s.key().values() + " " + s.changedColumns())
                .isEqualTo(expected.samples().stream().map(s -> s.kind() + " " + s.key().values() + " " + s.changedColumns()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "region,at", "name", "at", "day,name"})
    void everyAlgorithmAgreesWithDuckDbsJoinDiff(String key) {
        List<String> keys = List.of(key.split(","));
        TableDiff expected = new DataDiff(DiffOptions.builder(keys).algorithm(Algorithm.JOIN).skipNullKeys(true).sampleSize(50).build())
                .compare(duckdb.target("prod"), duckdb.target("dev"));
        assertThat(expected.rows().changed()).isEqualTo(key.equals("id") ? 10 : expected.rows().changed());
        TableDiff across = new DataDiff(DiffOptions.builder(keys).skipNullKeys(true).sampleSize(50).build())
                .compare(pg("prod"), duckdb.target("dev"));
        assertThat(across.algorithm()).isEqualTo("hash");
        assertSameResult(across, expected);
        TableDiff reversed = new DataDiff(DiffOptions.builder(keys).skipNullKeys(true).sampleSize(50).bisectionThreshold(3).build())
                .compare(duckdb.target("prod"), pg("dev"));
        assertSameResult(reversed, expected);
        TableDiff inPostgres = new DataDiff(DiffOptions.builder(keys).skipNullKeys(true).sampleSize(50).build()).compare(pg("prod"), pg("dev"));
        assertThat(inPostgres.algorithm()).isEqualTo("join");
        assertSameResult(inPostgres, expected);
        TableDiff hashInPostgres = new DataDiff(DiffOptions.builder(keys).algorithm(Algorithm.HASH).skipNullKeys(true).sampleSize(50).build())
                .compare(pg("prod"), pg("dev"));
        assertSameResult(hashInPostgres, expected);
    }

    @Test
    void identicalDataInBothWarehousesHasNoDifferences() {
        for (String table : List.of("prod", "dev", "numbers_only")) {
            TableDiff d = new DataDiff(DiffOptions.builder("id").skipNullKeys(true).build()).compare(pg(table), duckdb.target(table));
            assertThat(d.rows().changed()).as(table).isZero();
            assertThat(d.rows().added()).as(table).isZero();
            assertThat(d.rows().removed()).as(table).isZero();
            assertThat(d.columns()).as(table).allMatch(c -> c.changed() == 0);
        }
    }

    @Test
    void columnTypesMatchAcrossWarehouses() {
        TableDiff d = new DataDiff(DiffOptions.builder("id").build()).compare(pg("prod"), duckdb.target("prod"));
        assertThat(d.columns()).extracting(c -> c.name() + ": " + c.leftType() + " / " + c.rightType() + " " + c.status().label())
                .containsExactly("id: integer / INTEGER same", "region: text / VARCHAR same", "at: timestamp without time zone / TIMESTAMP same",
                        "name: text / VARCHAR same", "amount: numeric(14,4) / DECIMAL(14,4) same", "score: double precision / DOUBLE same",
                        "flag: boolean / BOOLEAN same", "day: date / DATE same", "attz: timestamp with time zone / TIMESTAMP WITH TIME ZONE same",
                        "note: text / VARCHAR same");
    }

    @Test
    void numbersOnlyRowsAreHashedWithoutText() {
        TableDiff expected = new DataDiff(DiffOptions.builder("id").sampleSize(5).build())
                .compare(duckdb.target("numbers_only"), duckdb.target("dev"));
        TableDiff across = new DataDiff(DiffOptions.builder("id").sampleSize(5).columns(List.of("amount", "score", "flag", "day", "at")).build())
                .compare(pg("numbers_only"), duckdb.target("dev"));
        TableDiff same = new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.JOIN).sampleSize(5)
                .columns(List.of("amount", "score", "flag", "day", "at")).build()).compare(duckdb.target("numbers_only"), duckdb.target("dev"));
        assertSameResult(across, same);
        assertThat(across.rows().changed()).isEqualTo(6); // 21, 22, 24, 25, 26 and 30; 27 is below the float precision
        assertThat(expected.rows().removed()).isEqualTo(3);
    }

    @Test
    void postgresErrorsNameTheRelation() {
        assertThatThrownBy(() -> new DataDiff(DiffOptions.builder("id").build()).compare(pg("prod"), pg("public.prd")))
                .hasMessageStartingWith("relation public.prd does not exist (looked in public); relations there: ");
        assertThatThrownBy(() -> new DataDiff(DiffOptions.builder("day").build()).compare(pg("prod"), duckdb.target("dev")))
                .isInstanceOf(DiffException.class).hasMessageStartingWith("dev has 1 row with a NULL in key column day;");
        assertThatThrownBy(() -> new DataDiff(DiffOptions.builder("day").skipNullKeys(true).build()).compare(pg("prod"), pg("dev")))
                .isInstanceOf(DiffException.class).hasMessageStartingWith("dev has rows sharing a key (day), e.g. (2020-01-28) x2;");
    }

    @Test
    void samplesCarryPostgresValues() {
        TableDiff d = new DataDiff(DiffOptions.builder("id").skipNullKeys(true).sampleSize(1).build()).compare(pg("prod"), pg("dev"));
        Sample changed = d.samples().stream().filter(s -> s.kind() == io.slipway.diff.report.SampleKind.CHANGED).findFirst().orElseThrow();
        assertThat(changed.key()).containsEntry("id", 20L);
        assertThat(changed.left()).containsEntry("name", "name-20");
        assertThat(changed.right()).containsEntry("name", "renamed");
    }
}

package io.slipway.diff;

import io.slipway.diff.report.ColumnDiff;
import io.slipway.diff.report.ColumnStatus;
import io.slipway.diff.report.Sample;
import io.slipway.diff.report.SampleKind;
import io.slipway.diff.report.TableDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Each option, through both algorithms (which must agree). */
class OptionsTest {
    @TempDir
    static Path dir;
    static DuckDb db;
    static DuckDb other;

    static final String[] TABLES = {
        "create table base as select i as id, 'n' || i as name, (i * 1.5)::decimal(12,2) as amount, i / 4.0 as ratio, i % 3 as grp"
                + " from range(1, 201) r(i)",
        // amount + 0.004 on 10 rows (so a decimal(14,3)), ratio + 1e-7 on 10 rows, name changed on rows 150..159
        "create table near as select id, case when id between 150 and 159 then 'x' || id else name end as name,"
                + " case when id <= 10 then amount + 0.004 else amount end as amount,"
                + " case when id between 11 and 20 then ratio + 1e-7 else ratio end as ratio, grp from base",
        "create table upper_case as select id as \"ID\", name as \"NAME\", amount as \"Amount\", ratio, grp from near",
        "create table renamed as select id, name, amount as amount_usd, ratio, grp from near",
        "create table reshaped as select id::bigint as id, name::varchar as name, amount::decimal(12,4) as amount,"
                + " grp::varchar as grp, true as flag from near",
        "create table many as select i as id, i % 10 as v from range(1, 5001) r(i)",
        "create table many_changed as select id, case when id % 50 = 0 then v + 1 else v end as v from many",
    };

    @BeforeAll
    static void create() {
        db = DuckDb.open(dir.resolve("options.duckdb")).run(TABLES);
        other = DuckDb.open(dir.resolve("other.duckdb")).run(TABLES);
    }

    @AfterAll
    static void close() {
        db.close();
        other.close();
    }

    /** The diff by join (in one file) and by hash (across two files), which must agree; returns the join's. */
    private static TableDiff both(String left, String right, UnaryOperator<DiffOptions.Builder> options) {
        TableDiff join = new DataDiff(options.apply(DiffOptions.builder("id")).algorithm(Algorithm.JOIN).build())
                .compare(db.target(left), db.target(right));
        TableDiff hash = new DataDiff(options.apply(DiffOptions.builder("id")).algorithm(Algorithm.HASH).build())
                .compare(db.target(left), other.target(right));
        assertThat(hash.rows()).as("hash rows").isEqualTo(join.rows());
        assertThat(hash.columns()).as("hash columns").isEqualTo(join.columns());
        assertThat(hash.samples()).as("hash samples").isEqualTo(join.samples());
        return join;
    }

    private static Long changed(TableDiff d, String column) {
        return d.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().changed();
    }

    @Test
    void floatsCompareAtTheirPrecision() {
        TableDiff d = both("base", "near", o -> o);
        assertThat(changed(d, "ratio")).as("1e-7 is below 6 decimal places").isZero();
        assertThat(changed(d, "amount")).as("decimal(14,3) against decimal(12,2): compared at 2 places, 0.004 is no change").isZero();
        assertThat(d.notes()).contains("column amount compared at 2 decimal places (DECIMAL(12,2) against DECIMAL(14,3))");
        TableDiff precise = both("base", "near", o -> o.floatPrecision(8));
        assertThat(changed(precise, "ratio")).isEqualTo(10);
    }

    @Test
    void columnsAndExcludedColumnsNarrowTheComparison() {
        TableDiff all = both("base", "near", o -> o);
        assertThat(all.rows().changed()).isEqualTo(10);
        TableDiff only = both("base", "near", o -> o.columns(List.of("amount", "ratio")));
        assertThat(only.columns()).extracting(ColumnDiff::name).containsExactly("id", "amount", "ratio");
        assertThat(only.rows().changed()).isZero();
        TableDiff excluded = both("base", "near", o -> o.excludeColumns(List.of("name")));
        assertThat(excluded.columns()).extracting(ColumnDiff::name).doesNotContain("name");
        assertThat(excluded.rows().changed()).isZero();
    }

    @Test
    void whereAppliesToBothSides() {
        TableDiff d = both("base", "near", o -> o.where("grp = 0"));
        assertThat(d.rows().left()).isEqualTo(66);
        assertThat(d.rows().changed()).isEqualTo(4); // ids 150, 153, 156 and 159 have grp 0
    }

    @Test
    void tolerancesTreatCloseNumbersAsEqual() {
        TableDiff exact = both("base", "near", o -> o.floatPrecision(9));
        assertThat(changed(exact, "ratio")).isEqualTo(10);
        TableDiff absolute = both("base", "near", o -> o.floatPrecision(9).absoluteTolerance(1e-6));
        assertThat(changed(absolute, "ratio")).isZero();
        assertThat(changed(absolute, "name")).isEqualTo(10);
        TableDiff relative = both("base", "near", o -> o.floatPrecision(9).relativeTolerance(1e-6));
        assertThat(changed(relative, "ratio")).as("1e-7 against values of 2.75 to 5: within 1e-6 of them").isZero();
        TableDiff tooTight = both("base", "near", o -> o.floatPrecision(9).relativeTolerance(1e-9));
        assertThat(changed(tooTight, "ratio")).isEqualTo(10);
    }

    @Test
    void columnsMatchIgnoringCaseWhenAsked() {
        assertThatThrownBy(() -> both("base", "upper_case", o -> o))
                .isInstanceOf(DiffException.class).hasMessageContaining("key column 'id' is not in upper_case")
                .hasMessageContaining("use --case-insensitive");
        TableDiff d = both("base", "upper_case", o -> o.caseInsensitive(true));
        assertThat(d.columns()).extracting(ColumnDiff::name, ColumnDiff::status).containsExactly(tuple("id", ColumnStatus.SAME),
                tuple("name", ColumnStatus.SAME), tuple("amount", ColumnStatus.TYPE_CHANGED), tuple("ratio", ColumnStatus.SAME),
                tuple("grp", ColumnStatus.SAME));
        assertThat(d.rows().changed()).isEqualTo(10);
    }

    @Test
    void renamedColumnsAreComparedUnderTheirNewName() {
        TableDiff plain = both("base", "renamed", o -> o);
        assertThat(plain.columns()).extracting(ColumnDiff::name, ColumnDiff::status)
                .contains(tuple("amount", ColumnStatus.REMOVED), tuple("amount_usd", ColumnStatus.ADDED));
        TableDiff mapped = both("base", "renamed", o -> o.rename("amount", "amount_usd"));
        assertThat(mapped.columns()).extracting(ColumnDiff::name, ColumnDiff::status).contains(tuple("amount", ColumnStatus.TYPE_CHANGED))
                .doesNotContain(tuple("amount_usd", ColumnStatus.ADDED));
        assertThatThrownBy(() -> both("base", "renamed", o -> o.rename("amount", "cost")))
                .hasMessageContaining("renamed column 'cost' is not in renamed");
    }

    @Test
    void sampleSizeZeroHidesValuesAndNLimitsEachKind() {
        assertThat(both("many", "many_changed", o -> o.sampleSize(0)).samples()).isEmpty();
        TableDiff two = both("many", "many_changed", o -> o.sampleSize(2));
        assertThat(two.samples()).extracting(Sample::kind, s -> s.key().get("id"))
                .containsExactly(tuple(SampleKind.CHANGED, 50L), tuple(SampleKind.CHANGED, 100L));
        assertThat(two.rows().changed()).isEqualTo(100);
    }

    @Test
    void schemaChangesAreReportedAndComparableTypesCompared() {
        TableDiff d = both("base", "reshaped", o -> o);
        assertThat(d.columns()).extracting(ColumnDiff::name, ColumnDiff::status, ColumnDiff::changed).containsExactly(
                tuple("id", ColumnStatus.SAME, 0L),
                tuple("name", ColumnStatus.SAME, 10L),
                tuple("amount", ColumnStatus.TYPE_CHANGED, 0L),
                tuple("ratio", ColumnStatus.REMOVED, null),
                tuple("grp", ColumnStatus.TYPE_CHANGED, null),
                tuple("flag", ColumnStatus.ADDED, null));
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("grp").contains("not compared"))
                .anySatisfy(n -> assertThat(n).contains("amount compared at 2 decimal places"));
        assertThatThrownBy(() -> both("base", "reshaped", o -> o.columns(List.of("grp"))))
                .isInstanceOf(DiffException.class)
                .satisfies(e -> assertThat(((DiffException) e).code()).isEqualTo(DiffErrorCode.INCOMPARABLE_TYPES))
                .hasMessageContaining("column 'grp' is BIGINT in base but VARCHAR in reshaped");
    }

    @Test
    void threadsDoNotChangeTheResult() {
        TableDiff one = new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.HASH).build())
                .compare(db.target("many"), other.target("many_changed"));
        TableDiff three = new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.HASH).threads(3).bisectionThreshold(3).build())
                .compare(db.target("many"), other.target("many_changed"));
        assertThat(three).isEqualTo(one);
        assertThat(one.rows().changed()).isEqualTo(100);
    }

    @Test
    void theLimitStopsTheHashDiffEarly() {
        TableDiff d = new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.HASH).limit(5).bisectionThreshold(4).build())
                .compare(db.target("many"), other.target("many_changed"));
        assertThat(d.complete()).isFalse();
        assertThat(d.rows().changed()).isBetween(1L, 5L);
        assertThat(d.notes()).anySatisfy(n -> assertThat(n).contains("--limit 5").contains("lower bounds"));
        TableDiff whole = new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.HASH).limit(1000).build())
                .compare(db.target("many"), other.target("many_changed"));
        assertThat(whole.complete()).isTrue();
        assertThat(whole.rows().changed()).isEqualTo(100);
    }

    @Test
    void differingRowsAreWrittenToATable() {
        for (Algorithm a : List.of(Algorithm.JOIN, Algorithm.HASH)) {
            String table = "diff_" + a.name().toLowerCase();
            DuckDb right = a == Algorithm.JOIN ? db : other;
            new DataDiff(DiffOptions.builder("id").algorithm(a).materializeTable(table).build()).compare(db.target("base"), right.target("near"));
            assertThat(right.query("select count(*), min(diff_kind), min(\"id\") from " + table).get(0))
                    .containsExactly(10L, "changed", a == Algorithm.JOIN ? 150L : "150");
            assertThat(right.query("select name_left, name_right from " + table + " order by 1 limit 1").get(0))
                    .containsExactly("n150", "x150");
        }
    }
}

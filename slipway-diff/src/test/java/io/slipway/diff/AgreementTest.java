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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Join diff and hash diff give the same result on the same data (NULLs, composite keys, text keys,
 * timestamps, decimals, floats, time zones): in one DuckDB file, across two files, with DuckDB's own hash
 * and with the portable (md5) hash used across warehouses.
 */
class AgreementTest {
    @TempDir
    static Path dir;
    static DuckDb one;
    static DuckDb other;

    @BeforeAll
    static void create() {
        one = DuckDb.open(dir.resolve("one.duckdb")).run(Fixtures.PROD_AND_DEV);
        // the same statements give the same data in another file
        other = DuckDb.open(dir.resolve("other.duckdb")).run(Fixtures.PROD_AND_DEV);
    }

    @AfterAll
    static void close() {
        one.close();
        other.close();
    }

    private static TableDiff diff(DiffOptions.Builder options, DuckDb left, DuckDb right) {
        return new DataDiff(options.build()).compare(left.target("prod"), right.target("dev"));
    }

    @Test
    void joinDiffFindsExactlyTheChanges() {
        TableDiff d = diff(DiffOptions.builder("id").algorithm(Algorithm.JOIN).sampleSize(20), one, one);
        assertThat(d.algorithm()).isEqualTo("join");
        assertThat(d.rows().left()).isEqualTo(2000);
        assertThat(d.rows().right()).isEqualTo(1999);
        assertThat(d.rows().removed()).isEqualTo(3);
        assertThat(d.rows().added()).isEqualTo(2);
        assertThat(d.rows().changed()).isEqualTo(10);
        assertThat(d.rows().unchanged()).isEqualTo(1987);
        assertThat(d.columns()).extracting(ColumnDiff::name, ColumnDiff::changed).containsExactly(
                tuple("id", 0L), tuple("region", 0L),
                tuple("at", 1L), tuple("name", 2L),
                tuple("amount", 2L), tuple("score", 1L),
                tuple("flag", 1L), tuple("day", 1L),
                tuple("attz", 1L), tuple("note", 2L));
        assertThat(d.columns()).allMatch(c -> c.status() == ColumnStatus.SAME);
        ColumnDiff name = d.columns().get(3);
        assertThat(name.matchRate()).isEqualTo((1997.0 - 2) / 1997.0);
        assertThat(d.samples()).extracting(Sample::kind, s -> s.key().get("id")).containsExactly(
                tuple(SampleKind.ADDED, 2001L), tuple(SampleKind.ADDED, 2002L),
                tuple(SampleKind.REMOVED, 3L), tuple(SampleKind.REMOVED, 999L),
                tuple(SampleKind.REMOVED, 1500L),
                tuple(SampleKind.CHANGED, 20L), tuple(SampleKind.CHANGED, 21L),
                tuple(SampleKind.CHANGED, 22L), tuple(SampleKind.CHANGED, 23L),
                tuple(SampleKind.CHANGED, 24L), tuple(SampleKind.CHANGED, 25L),
                tuple(SampleKind.CHANGED, 26L), tuple(SampleKind.CHANGED, 28L),
                tuple(SampleKind.CHANGED, 29L), tuple(SampleKind.CHANGED, 30L));
        Sample both = d.samples().get(d.samples().size() - 1);
        assertThat(both.changedColumns()).containsExactly("name", "amount");
        assertThat(both.left().get("name")).isEqualTo("name-30");
        assertThat(both.right().get("name")).isEqualTo("both");
    }

    /** Keys: an integer, a composite of text and timestamp, a text, a timestamp, a date-with-text composite. */
    @ParameterizedTest
    @ValueSource(strings = {"id", "region,at", "name", "at", "day,name"})
    void hashDiffAgreesWithJoinDiff(String key) {
        List<String> keys = List.of(key.split(","));
        // row 2002 has a NULL day: left out, and counted, by both algorithms
        TableDiff join = diff(DiffOptions.builder(keys).algorithm(Algorithm.JOIN).skipNullKeys(true).sampleSize(50), one, one);
        TableDiff sameFile = diff(DiffOptions.builder(keys).algorithm(Algorithm.HASH).skipNullKeys(true).sampleSize(50), one, one);
        TableDiff twoFiles = diff(DiffOptions.builder(keys).algorithm(Algorithm.HASH).skipNullKeys(true).sampleSize(50), one, other);
        TableDiff portable = diff(DiffOptions.builder(keys).algorithm(Algorithm.HASH).skipNullKeys(true).portableHash(true).sampleSize(50),
                one, other);
        TableDiff fine = diff(DiffOptions.builder(keys).algorithm(Algorithm.HASH).skipNullKeys(true).bisectionThreshold(2).bisectionFactor(2)
                .sampleSize(50), one, other);
        for (TableDiff h : List.of(sameFile, twoFiles, portable, fine)) {
            assertThat(h.algorithm()).isEqualTo("hash");
            assertThat(h.rows()).isEqualTo(join.rows());
            assertThat(h.columns()).isEqualTo(join.columns());
            assertThat(h.samples()).isEqualTo(join.samples());
            assertThat(h.keyChecks().rightNullKeys()).isEqualTo(join.keyChecks().rightNullKeys());
        }
        assertThat(join.rows().changed() + join.rows().added() + join.rows().removed()).isPositive();
    }

    @Test
    void identicalRelationsHaveNoDifferences() {
        for (Algorithm a : List.of(Algorithm.JOIN, Algorithm.HASH)) {
            DuckDb right = a == Algorithm.JOIN ? one : other;
            TableDiff d = new DataDiff(DiffOptions.builder("id").algorithm(a).build()).compare(one.target("prod"), right.target("prod"));
            assertThat(d.rows().changed()).isZero();
            assertThat(d.rows().added()).isZero();
            assertThat(d.rows().removed()).isZero();
            assertThat(d.rows().unchanged()).isEqualTo(2000);
            assertThat(d.samples()).isEmpty();
            assertThat(d.hasDifferences()).isFalse();
        }
    }

    @Test
    void autoPicksJoinInOneWarehouseAndHashAcrossTwo() {
        assertThat(diff(DiffOptions.builder("id"), one, one).algorithm()).isEqualTo("join");
        assertThat(diff(DiffOptions.builder("id"), one, other).algorithm()).isEqualTo("hash");
    }
}

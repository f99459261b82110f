package io.slipway.diff;

import io.slipway.diff.report.TableDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails with a clear error naming the relation, the column and what to do, through both algorithms. */
class BadInputTest {
    @TempDir
    static Path dir;
    static DuckDb db;
    static DuckDb other;

    static final String[] TABLES = {
        "create table good as select i as id, 'v' || i as v from range(1, 101) r(i)",
        "create table dup_matched as select * from good union all select 7, 'again'",
        "create table dup_exclusive as select * from good where id <> 50 union all select 500, 'a' union all select 500, 'b'",
        "create table dup_both as select * from good union all select 8, 'v8'",
        "create table null_keys as select * from good union all select null, 'no key' union all select null, 'no key either'",
        "create table text_key as select 'k' || i as id, 'v' || i as v from range(1, 101) r(i)",
    };

    @BeforeAll
    static void create() {
        db = DuckDb.open(dir.resolve("bad.duckdb")).run(TABLES);
        other = DuckDb.open(dir.resolve("other.duckdb")).run(TABLES);
    }

    @AfterAll
    static void close() {
        db.close();
        other.close();
    }

    private static TableDiff diff(Algorithm a, String left, String right, DiffOptions.Builder options) {
        DuckDb r = a == Algorithm.JOIN ? db : other;
        return new DataDiff(options.algorithm(a).build()).compare(db.target(left), r.target(right));
    }

    private static DiffErrorCode code(Throwable e) {
        return ((DiffException) e).code();
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void missingRelation(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "good", "goood", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.MISSING_RELATION))
                .hasMessageStartingWith("relation goood does not exist (looked in main); relations there: ")
                .hasMessageContaining("good");
        assertThatThrownBy(() -> diff(a, "nope.good", "good", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.MISSING_RELATION))
                .hasMessageContaining("relation nope.good does not exist (looked in nope); that schema has no relations");
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void missingKeyColumn(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "good", "good", DiffOptions.builder("key")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.MISSING_KEY_COLUMN))
                .hasMessage("key column 'key' is not in good; its columns are: id, v");
        assertThatThrownBy(() -> diff(a, "good", "good", DiffOptions.builder("id").rename("id", "ident")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.MISSING_COLUMN))
                .hasMessage("renamed column 'ident' is not in good; its columns are: id, v");
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void duplicateKeysOnOneSideFail(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "good", "dup_matched", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.DUPLICATE_KEYS))
                .hasMessageStartingWith("dup_matched has rows sharing a key (id), e.g. (7) x2; a diff by key needs a unique key");
        assertThatThrownBy(() -> diff(a, "dup_exclusive", "good", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.DUPLICATE_KEYS))
                .hasMessageStartingWith("dup_exclusive has rows sharing a key (id), e.g. (500) x2");
        assertThatThrownBy(() -> diff(a, "good", "dup_exclusive", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.DUPLICATE_KEYS))
                .hasMessageStartingWith("dup_exclusive has rows sharing a key (id), e.g. (500) x2");
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void theSameDuplicatesOnBothSidesAreStillReported(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "dup_both", "dup_both", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.DUPLICATE_KEYS))
                .hasMessageStartingWith("dup_both has rows sharing a key (id), e.g. (8) x2");
    }

    @Test
    void assumingAUniqueKeySkipsTheHashDiffsCheck() {
        TableDiff d = diff(Algorithm.HASH, "dup_both", "dup_both", DiffOptions.builder("id").assumeUniqueKey(true));
        assertThat(d.keyChecks().leftDuplicateRows()).isNull();
        assertThat(d.rows().changed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void nullKeysFailUnlessLeftOut(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "good", "null_keys", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.NULL_KEYS))
                .hasMessage("null_keys has 2 rows with a NULL in key column id; such rows cannot be matched by key."
                        + " Fix the data, key on other columns, or pass --skip-null-keys to leave them out");
        TableDiff d = diff(a, "good", "null_keys", DiffOptions.builder("id").skipNullKeys(true));
        assertThat(d.keyChecks().rightNullKeys()).isEqualTo(2);
        assertThat(d.rows().right()).isEqualTo(102);
        assertThat(d.rows().added()).isZero();
        assertThat(d.rows().unchanged()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"JOIN", "HASH"})
    void keysOfIncomparableTypesFail(Algorithm a) {
        assertThatThrownBy(() -> diff(a, "good", "text_key", DiffOptions.builder("id")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.INCOMPARABLE_TYPES))
                .hasMessageStartingWith("key column 'id' is BIGINT in good but VARCHAR in text_key; these types cannot be compared");
    }

    @Test
    void aJoinNeedsOneWarehouseAndADiffNeedsAKey() {
        assertThatThrownBy(() -> new DataDiff(DiffOptions.builder("id").algorithm(Algorithm.JOIN).build())
                .compare(db.target("good"), other.target("good")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.USAGE))
                .hasMessageContaining("a join diff needs both relations in one warehouse");
        assertThatThrownBy(() -> new DataDiff(DiffOptions.builder().build()).compare(db.target("good"), db.target("good")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(DiffErrorCode.USAGE))
                .hasMessageContaining("no primary key");
        assertThatThrownBy(() -> DiffOptions.builder("id").floatPrecision(40).build()).hasMessageContaining("--float-precision");
        assertThatThrownBy(() -> RelationName.parse("a..b")).hasMessageContaining("is not a relation name");
    }
}

package io.slipway.diff;

import io.slipway.diff.report.DiffReport;
import io.slipway.diff.report.JsonReport;
import io.slipway.diff.report.TableDiff;
import io.slipway.diff.report.TextReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class ScratchTest {
    @TempDir
    Path dir;

    @Test
    void scratch() {
        try (DuckDb db = DuckDb.open(dir.resolve("a.duckdb")); DuckDb other = DuckDb.open(dir.resolve("b.duckdb"))) {
            String create = "create table t as select 'k' || (i % 37) as region, timestamp '2024-01-01' + to_seconds(i * 1000) as at,"
                    + " (i * 1.125)::decimal(14,4) as amount, i::integer as n, case when i % 7 = 0 then null else 'v' || i end as v from range(1, 5001) r(i)";
            db.run(create);
            other.run(create.replace("(14,4)", "(14,2)").replace("i::integer", "i::bigint"),
                    "delete from t where n in (3, 999)",
                    "insert into t values ('zz', timestamp '2030-01-01', 1, 1, 'new')",
                    "update t set v = null where n = 10",
                    "update t set v = 'x' where n = 14",
                    "update t set amount = amount + 0.01 where n = 20");
            for (Algorithm a : List.of(Algorithm.HASH)) {
                for (boolean portable : List.of(false, true)) {
                    DiffOptions o = DiffOptions.builder("region", "at").algorithm(a).portableHash(portable).sampleSize(3).bisectionThreshold(4).build();
                    TableDiff d = new DataDiff(o).compare(db.target("t"), other.target("t"));
                    System.out.println(TextReport.render(new DiffReport(List.of(d))));
                }
            }
        }
    }
}

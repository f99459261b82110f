package io.slipway.cli;

import io.slipway.testkit.AdapterConformanceSuite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The adapter conformance suite on DuckDB. It lives here rather than in the DuckDB module because the
 * testkit runs the engine (slipway-core), whose own tests already depend on the DuckDB module.
 */
class DuckDbConformanceTest extends AdapterConformanceSuite {
    @Override
    protected Map<String, Object> target(Path projectDir, String schema, int threads) {
        return Map.of("type", "duckdb", "path", projectDir.resolve("warehouse.duckdb").toString(), "schema", schema, "threads", threads);
    }

    @Override
    protected List<String> commentsOn(io.slipway.testkit.Warehouse w, String schema, String identifier) {
        List<String> out = new java.util.ArrayList<>();
        out.add((String) w.value("select comment from duckdb_tables() where schema_name = '" + schema + "' and table_name = '" + identifier + "'"
                + " union all select comment from duckdb_views() where schema_name = '" + schema + "' and view_name = '" + identifier + "'"));
        for (List<Object> row : w.rows("select column_name || ':' || comment from duckdb_columns() where schema_name = '" + schema
                + "' and table_name = '" + identifier + "' and comment is not null order by column_index")) {
            out.add(String.valueOf(row.get(0)));
        }
        return out;
    }

    @Override
    protected List<String> expectedSeedColumnTypes() {
        return List.of("INTEGER", "INTEGER", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "VARCHAR", "BIGINT", "INTEGER");
    }
}

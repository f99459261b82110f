package io.slipway.adapter.postgres;

import io.slipway.testkit.AdapterConformanceSuite;
import io.slipway.testkit.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The adapter conformance suite on a real PostgreSQL server. */
class PostgresConformanceTest extends AdapterConformanceSuite {
    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    protected Map<String, Object> target(Path projectDir, String schema, int threads) {
        return POSTGRES.database().target(schema, threads);
    }

    @Override
    protected List<String> grantsOn(io.slipway.testkit.Warehouse w, String schema, String identifier, String role) {
        if (w.rows("select 1 from pg_roles where rolname = '" + role + "'").isEmpty()) {
            w.connection().execute("create role " + role);
            w.connection().commit();
        }
        List<String> out = new java.util.ArrayList<>();
        for (List<Object> row : w.rows("select lower(privilege_type) || ':' || grantee from information_schema.role_table_grants"
                + " where table_schema = '" + schema + "' and table_name = '" + identifier + "' and grantee = '" + role + "' order by 1")) {
            out.add(String.valueOf(row.get(0)));
        }
        return out;
    }

    @Override
    protected List<String> commentsOn(io.slipway.testkit.Warehouse w, String schema, String identifier) {
        String relation = "'\"" + schema + "\".\"" + identifier + "\"'::regclass";
        List<String> out = new java.util.ArrayList<>();
        out.add((String) w.value("select obj_description(" + relation + ", 'pg_class')"));
        for (List<Object> row : w.rows("select a.attname || ':' || col_description(a.attrelid, a.attnum) from pg_attribute a"
                + " where a.attrelid = " + relation + " and a.attnum > 0 and col_description(a.attrelid, a.attnum) is not null order by a.attnum")) {
            out.add(String.valueOf(row.get(0)));
        }
        return out;
    }

    @Override
    protected List<String> expectedSeedColumnTypes() {
        return List.of("integer", "integer", "double precision", "boolean", "date", "timestamp without time zone", "text", "bigint",
                "integer");
    }
}

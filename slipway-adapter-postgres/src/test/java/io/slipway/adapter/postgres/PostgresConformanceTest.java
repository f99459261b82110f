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
    protected List<String> expectedSeedColumnTypes() {
        return List.of("integer", "integer", "double precision", "boolean", "date", "timestamp without time zone", "text", "bigint",
                "integer");
    }
}

/**
 * A real PostgreSQL for tests with nothing installed: {@link io.slipway.testkit.postgres.PostgresExtension}
 * starts one server per test JVM from Maven-published binaries (or uses {@code SLIPWAY_TEST_POSTGRES_URL})
 * and gives each test class its own database.
 */
package io.slipway.testkit.postgres;

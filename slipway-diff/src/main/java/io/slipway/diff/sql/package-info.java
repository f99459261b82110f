/**
 * The SQL of each warehouse a diff needs: canonical value forms that come out identical on DuckDB and
 * PostgreSQL for equal data ({@link io.slipway.diff.sql.Dialect}), the per-row hash and segment checksum
 * ({@link io.slipway.diff.sql.RowHasher}), and running queries with errors that say where.
 */
package io.slipway.diff.sql;

/** Opening warehouses named on the command line by URL ({@code duckdb:///path.db}, {@code postgresql://user@host/db}). */
package io.slipway.diff.connect;

/** The DuckDB adapter: Slipway's embedded default warehouse, one database file shared by the run's threads. */
package io.slipway.adapter.duckdb;

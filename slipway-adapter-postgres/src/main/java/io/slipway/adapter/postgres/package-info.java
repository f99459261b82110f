/**
 * The PostgreSQL adapter, as dbt-postgres behaves: its profile fields, a connection pool, tables and views
 * swapped in one transaction, seeds loaded with COPY, and its macro overrides ({@code dbt_postgres} package).
 */
package io.slipway.adapter.postgres;

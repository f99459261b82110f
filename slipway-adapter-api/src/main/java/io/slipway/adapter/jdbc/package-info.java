/** What JDBC warehouses share: statements, fetching rows as plain Java values, transactions, cancel, batched inserts. */
package io.slipway.adapter.jdbc;

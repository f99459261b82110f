/**
 * The adapter boundary: what the engine needs of a warehouse (connections per thread, relation lookup
 * and listing, columns with types, quoting, seed type mapping, transactions, cancel of running
 * statements) and the adapter's own Jinja macros. JDK only. Adapters are found with
 * {@link java.util.ServiceLoader} through {@link io.slipway.adapter.AdapterFactory}.
 */
package io.slipway.adapter;

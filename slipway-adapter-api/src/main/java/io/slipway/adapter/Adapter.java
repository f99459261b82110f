package io.slipway.adapter;

import java.util.List;
import java.util.Map;

/**
 * One warehouse target: how to name and quote things there, how to open connections, and the adapter's
 * own Jinja macros (which override the engine's {@code default__} macros through {@code adapter.dispatch}).
 * Safe to share between threads; each thread opens its own {@link AdapterConnection}.
 */
public interface Adapter extends AutoCloseable {
    /** The profile type, e.g. {@code duckdb}; also the dispatch prefix ({@code duckdb__create_table_as}). */
    String type();

    /** Adapter types whose macros this one inherits, nearest first (dbt-redshift inherits postgres). */
    default List<String> parentTypes() {
        return List.of();
    }

    /** Classpath resources holding this adapter's macro files ({@code .sql}), loaded as package {@code slipway_<type>}. */
    List<String> macroResources();

    /** The database relations live in when a node does not set one ({@code target.database}). */
    String defaultDatabase();

    /** The schema of the target ({@code target.schema}). */
    String defaultSchema();

    /** The values the template variable {@code target} shows, without secrets (dbt: name, schema, type, threads and the adapter's own keys). */
    Map<String, Object> targetContext();

    /** Quotes an identifier the warehouse's way ({@code "my col"}). */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The incremental strategies of dbt's built-in set ({@code append}, {@code delete+insert}, {@code merge},
     * {@code insert_overwrite}, {@code microbatch}) this warehouse supports; a built-in one not listed is
     * refused as dbt refuses it. Strategies a project defines itself are not checked against this list.
     */
    default List<String> validIncrementalStrategies() {
        return List.of("append");
    }

    /**
     * Whether a subquery in a FROM clause needs an alias here (dbt's {@code Relation.require_alias}): with
     * {@code --empty} a ref prints as {@code (select ... limit 0)}, aliased only where the warehouse needs it,
     * since an alias of its own breaks {@code ref('x') as x}.
     */
    default boolean subqueryNeedsAlias() {
        return true;
    }

    /** The column type a seed column of this inferred kind gets. */
    String seedColumnType(SeedColumnKind kind);

    /**
     * Opens a connection (a session) for one thread.
     *
     * @throws AdapterException with {@link AdapterErrorCode#CONNECTION_FAILED} and a message naming what failed
     */
    AdapterConnection open(String name);

    /** Releases pooled resources; connections opened earlier must be closed first. */
    @Override
    void close();
}

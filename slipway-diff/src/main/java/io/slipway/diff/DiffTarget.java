package io.slipway.diff;

import io.slipway.adapter.Adapter;

import java.util.Objects;

/**
 * One side of a diff: a relation in a warehouse. Two targets with the same {@link Adapter} instance are
 * in one warehouse, so {@link Algorithm#AUTO} compares them with a join.
 *
 * @param adapter  opens connections; the caller owns and closes it
 * @param relation the relation to compare
 */
public record DiffTarget(Adapter adapter, RelationName relation) {
    public DiffTarget {
        Objects.requireNonNull(adapter, "adapter is null");
        Objects.requireNonNull(relation, "relation is null");
    }
}

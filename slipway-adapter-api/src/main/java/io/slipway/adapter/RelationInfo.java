package io.slipway.adapter;

import java.util.Objects;

/** A relation that exists in the warehouse, as the warehouse spells its parts. */
public record RelationInfo(String database, String schema, String identifier, RelationType type) {
    public RelationInfo {
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(identifier, "identifier is null");
        Objects.requireNonNull(type, "type is null");
    }
}

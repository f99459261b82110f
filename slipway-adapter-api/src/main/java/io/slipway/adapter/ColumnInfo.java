package io.slipway.adapter;

import java.util.Objects;

/** A column of a relation with the warehouse's type name ({@code INTEGER}, {@code character varying(20)}). */
public record ColumnInfo(String name, String dataType) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(dataType, "dataType is null");
    }
}

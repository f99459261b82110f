package io.slipway.diff.plan;

import io.slipway.diff.report.ColumnStatus;

import java.util.Objects;

/**
 * One line of the schema diff.
 *
 * @param leftType  null when the column is only on the right
 * @param rightType null when the column is only on the left
 * @param pair      the compared pair, or null when the column is not compared (added, removed, incomparable)
 * @param note      why a column present on both sides is not compared, or null
 */
public record SchemaEntry(String name, ColumnStatus status, SqlType leftType, SqlType rightType, ColumnPair pair, String note) {
    public SchemaEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(status, "status is null");
    }
}

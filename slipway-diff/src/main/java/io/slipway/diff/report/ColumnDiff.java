package io.slipway.diff.report;

import java.util.Objects;

/**
 * One column in a diff: its schema status and, when compared, how many rows differ in it.
 *
 * @param leftType  the left type, or null for an added column
 * @param rightType the right type, or null for a removed column
 * @param changed   rows present on both sides whose values differ in this column; null when not compared
 * @param matchRate the share of rows present on both sides whose values are equal (0 to 1); null when not
 *                  compared or no row is on both sides
 */
public record ColumnDiff(String name, ColumnStatus status, String leftType, String rightType, Long changed, Double matchRate) {
    public ColumnDiff {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(status, "status is null");
    }
}

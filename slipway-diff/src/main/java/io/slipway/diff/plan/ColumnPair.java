package io.slipway.diff.plan;

import java.util.Objects;

/**
 * A column of the left relation and the column of the right relation it is compared with.
 *
 * @param name       the name in reports (the left name)
 * @param left       the left column as the warehouse spells it
 * @param right      the right column as the warehouse spells it
 * @param comparison how values are brought to one form
 */
public record ColumnPair(String name, String left, String right, SqlType leftType, SqlType rightType, Comparison comparison) {
    public ColumnPair {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
        Objects.requireNonNull(comparison, "comparison is null");
    }

    /** Whether both sides have exactly the same type, so values compare as they are (floats aside). */
    public boolean identicalTypes() {
        return leftType.name().equalsIgnoreCase(rightType.name()) && comparison.kind() != Comparison.Kind.FLOAT;
    }
}

package io.slipway.diff.plan;

import java.util.List;
import java.util.Objects;

/**
 * What is compared: the two relations (quoted for their warehouses), the key pairs, the value pairs and
 * the schema diff of every column.
 *
 * @param leftRelation  the left relation, quoted, ready for SQL
 * @param rightRelation the right relation, quoted, ready for SQL
 * @param keys          the primary key, left to right
 * @param values        the non-key columns compared
 * @param schema        every column of either side (key columns included), left order first then right-only ones
 * @param notes         messages for the user (reduced precision, columns left out)
 */
public record DiffPlan(String leftRelation, String rightRelation, List<ColumnPair> keys, List<ColumnPair> values,
                       List<SchemaEntry> schema, List<String> notes) {
    public DiffPlan {
        Objects.requireNonNull(leftRelation, "leftRelation is null");
        Objects.requireNonNull(rightRelation, "rightRelation is null");
        keys = List.copyOf(keys);
        values = List.copyOf(values);
        schema = List.copyOf(schema);
        notes = List.copyOf(notes);
    }

    /** Keys then values. */
    public List<ColumnPair> allPairs() {
        return java.util.stream.Stream.concat(keys.stream(), values.stream()).toList();
    }
}

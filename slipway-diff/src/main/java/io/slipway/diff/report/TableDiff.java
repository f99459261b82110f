package io.slipway.diff.report;

import java.util.List;
import java.util.Objects;

/**
 * The result of diffing one pair of relations.
 *
 * @param model      the dbt model's unique id, or null in relation mode
 * @param left       the left (production) relation as named
 * @param right      the right (changed) relation as named
 * @param primaryKey the key columns (empty when no key is known)
 * @param columns    the schema diff with per-column counts, in column order
 * @param samples    sample rows, per kind in key order
 * @param keyChecks  what the key checks found, or null when there is no key
 * @param algorithm  {@code join}, {@code hash}, {@code schema} (no key: schema and row counts only), or {@code none} (nothing compared)
 * @param complete   false when the diff stopped at {@code --limit}, so counts are lower bounds
 * @param notes      messages for the user
 * @param error      why this pair could not be diffed, or null
 */
public record TableDiff(String model, String left, String right, List<String> primaryKey, RowCounts rows, List<ColumnDiff> columns,
                        List<Sample> samples, KeyChecks keyChecks, String algorithm, boolean complete, List<String> notes, String error) {
    public TableDiff {
        Objects.requireNonNull(left, "left is null");
        Objects.requireNonNull(right, "right is null");
        primaryKey = List.copyOf(primaryKey);
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }

    /** Whether anything differs: rows, or the schema. */
    public boolean hasDifferences() {
        return (rows != null && rows.anyDifference()) || columns.stream().anyMatch(c -> c.status() != ColumnStatus.SAME);
    }

    /** The same diff for a dbt model, with a note first (or none when null). */
    public TableDiff withModel(String uniqueId, String note) {
        List<String> allNotes = new java.util.ArrayList<>();
        if (note != null) {
            allNotes.add(note);
        }
        allNotes.addAll(notes);
        return new TableDiff(uniqueId, left, right, primaryKey, rows, columns, samples, keyChecks, algorithm, complete, allNotes, error);
    }
}

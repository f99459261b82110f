package io.slipway.diff;

import io.slipway.diff.report.KeyChecks;
import io.slipway.diff.report.RowCounts;
import io.slipway.diff.report.Sample;

import java.util.List;

/**
 * What an algorithm found, before it is laid over the schema diff.
 *
 * @param valueChanged per compared value column (in plan order), rows on both sides where it differs
 * @param complete     false when the search stopped at the difference limit
 */
public record DiffOutcome(RowCounts rows, long[] valueChanged, List<Sample> samples, KeyChecks keyChecks, boolean complete, List<String> notes) {
    public DiffOutcome {
        valueChanged = valueChanged.clone();
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }

    @Override
    public long[] valueChanged() {
        return valueChanged.clone();
    }
}

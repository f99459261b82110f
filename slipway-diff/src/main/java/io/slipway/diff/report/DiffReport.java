package io.slipway.diff.report;

import java.util.List;

/** Every pair diffed in one command. */
public record DiffReport(List<TableDiff> diffs) {
    public DiffReport {
        diffs = List.copyOf(diffs);
    }
}

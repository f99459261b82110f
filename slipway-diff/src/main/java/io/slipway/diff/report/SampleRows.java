package io.slipway.diff.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sample rows of one kind as a table of text, shared by the text and Markdown reports: changed rows give one
 * line per changed column (key, column, left, right); added and removed rows give the row as it is on its side.
 */
record SampleRows(List<String> header, List<List<String>> rows) {
    SampleRows {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** @param samples samples of {@code kind}, at least one */
    static SampleRows of(SampleKind kind, List<Sample> samples) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (kind == SampleKind.CHANGED) {
            header.addAll(samples.get(0).key().keySet());
            header.addAll(List.of("column", "left", "right"));
            for (Sample s : samples) {
                for (String column : s.changedColumns()) {
                    List<String> cells = new ArrayList<>();
                    s.key().values().forEach(v -> cells.add(ValueFormat.text(v)));
                    cells.add(column);
                    cells.add(ValueFormat.text(s.left().get(column)));
                    cells.add(ValueFormat.text(s.right().get(column)));
                    rows.add(cells);
                }
            }
        } else {
            header.addAll(side(kind, samples.get(0)).keySet());
            for (Sample s : samples) {
                rows.add(side(kind, s).values().stream().map(ValueFormat::text).toList());
            }
        }
        return new SampleRows(header, rows);
    }

    private static Map<String, Object> side(SampleKind kind, Sample s) {
        return kind == SampleKind.ADDED ? s.right() : s.left();
    }
}

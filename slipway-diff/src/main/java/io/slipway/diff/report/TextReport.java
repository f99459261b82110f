package io.slipway.diff.report;

import java.util.ArrayList;
import java.util.List;

/** {@code --output text}: row counts, the column table, key checks and sample rows, for a terminal. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(DiffReport report) {
        StringBuilder sb = new StringBuilder();
        for (TableDiff d : report.diffs()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            render(sb, d);
        }
        return sb.toString();
    }

    private static void render(StringBuilder sb, TableDiff d) {
        sb.append(d.model() == null ? "" : d.model() + ": ").append(d.left()).append(" -> ").append(d.right());
        if (!d.primaryKey().isEmpty()) {
            sb.append("  (").append(d.algorithm()).append(" diff, key: ").append(String.join(", ", d.primaryKey())).append(')');
        }
        sb.append('\n');
        if (d.error() != null) {
            sb.append("  error: ").append(d.error()).append('\n');
            return;
        }
        if (d.rows() != null) {
            RowCounts r = d.rows();
            TextTable rows = new TextTable(List.of("", "left", "right"), false, true, true);
            rows.row(List.of("rows", Long.toString(r.left()), Long.toString(r.right())));
            if (r.added() != null) {
                rows.row(List.of("removed", Long.toString(r.removed()), ""));
                rows.row(List.of("added", "", Long.toString(r.added())));
                rows.row(List.of("changed", Long.toString(r.changed()), Long.toString(r.changed())));
                rows.row(List.of("unchanged", Long.toString(r.unchanged()), Long.toString(r.unchanged())));
            }
            sb.append('\n').append(rows.render("  "));
            if (!d.complete()) {
                sb.append("  (stopped at --limit: counts are lower bounds)\n");
            }
        }
        if (d.columns().isEmpty()) {
            d.notes().forEach(n -> sb.append("  note: ").append(n).append('\n'));
            return;
        }
        TextTable columns = new TextTable(List.of("column", "status", "left type", "right type", "changed", "match"),
                false, false, false, false, true, true);
        for (ColumnDiff c : d.columns()) {
            columns.row(List.of(c.name(), c.status().label(), orDash(c.leftType()), orDash(c.rightType()), ValueFormat.count(c.changed()),
                    ValueFormat.percent(c.matchRate())));
        }
        sb.append('\n').append(columns.render("  "));
        if (d.keyChecks() != null) {
            sb.append('\n').append("  key checks: ").append(keyChecks(d.keyChecks())).append('\n');
        }
        samples(sb, d);
        for (String note : d.notes()) {
            sb.append("  note: ").append(note).append('\n');
        }
    }

    static String keyChecks(KeyChecks k) {
        List<String> parts = new ArrayList<>();
        parts.add(k.leftNullKeys() + k.rightNullKeys() == 0 ? "no NULL keys"
                : "NULL keys left out: " + k.leftNullKeys() + " left, " + k.rightNullKeys() + " right");
        if (k.leftDuplicateRows() == null || k.rightDuplicateRows() == null) {
            parts.add("duplicates not checked (--assume-unique-key)");
        } else {
            parts.add("no duplicate keys");
        }
        return String.join(", ", parts);
    }

    private static void samples(StringBuilder sb, TableDiff d) {
        for (SampleKind kind : SampleKind.values()) {
            List<Sample> of = d.samples().stream().filter(s -> s.kind() == kind).toList();
            if (of.isEmpty()) {
                continue;
            }
            sb.append('\n').append("  ").append(kind.label()).append(" rows (sample):\n");
            SampleRows table = SampleRows.of(kind, of);
            TextTable t = new TextTable(table.header());
            table.rows().forEach(t::row);
            sb.append(t.render("    "));
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}

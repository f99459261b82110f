package io.slipway.diff.report;

import java.util.ArrayList;
import java.util.List;

/** {@code --output markdown}: one section per pair, for a pull-request comment; samples fold away. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(DiffReport report) {
        StringBuilder sb = new StringBuilder("## Data diff\n");
        if (report.diffs().isEmpty()) {
            sb.append("\nNothing to compare.\n");
        }
        for (TableDiff d : report.diffs()) {
            sb.append('\n');
            render(sb, d);
        }
        return sb.toString();
    }

    private static void render(StringBuilder sb, TableDiff d) {
        sb.append("### ").append(code(d.model() != null ? d.model() : d.right())).append(": ").append(headline(d)).append("\n\n");
        sb.append(code(d.left())).append(" → ").append(code(d.right()));
        if (!d.primaryKey().isEmpty()) {
            sb.append(", key ").append(code(String.join(", ", d.primaryKey()))).append(", ").append(d.algorithm()).append(" diff");
        }
        sb.append("\n\n");
        if (d.error() != null) {
            sb.append("> **Error:** ").append(escape(d.error())).append("\n");
            return;
        }
        if (d.rows() != null) {
            RowCounts r = d.rows();
            sb.append("| | left | right |\n|---|---:|---:|\n");
            sb.append("| rows | ").append(r.left()).append(" | ").append(r.right()).append(" |\n");
            if (r.added() != null) {
                sb.append("| removed | ").append(r.removed()).append(" | |\n");
                sb.append("| added | | ").append(r.added()).append(" |\n");
                sb.append("| changed | ").append(r.changed()).append(" | ").append(r.changed()).append(" |\n");
                sb.append("| unchanged | ").append(r.unchanged()).append(" | ").append(r.unchanged()).append(" |\n");
            }
            sb.append('\n');
            if (!d.complete()) {
                sb.append("_Stopped at the difference limit: counts are lower bounds._\n\n");
            }
        }
        sb.append("| column | status | type | changed | match |\n|---|---|---|---:|---:|\n");
        for (ColumnDiff c : d.columns()) {
            String type = c.leftType() == null ? c.rightType() : c.rightType() == null || c.status() == ColumnStatus.SAME ? c.leftType()
                    : c.leftType() + " → " + c.rightType();
            sb.append("| ").append(escape(c.name())).append(" | ").append(c.status().label()).append(" | ").append(escape(type)).append(" | ")
                    .append(ValueFormat.count(c.changed())).append(" | ").append(ValueFormat.percent(c.matchRate())).append(" |\n");
        }
        if (d.keyChecks() != null) {
            sb.append("\nKey checks: ").append(TextReport.keyChecks(d.keyChecks())).append(".\n");
        }
        if (!d.samples().isEmpty()) {
            sb.append("\n<details><summary>Sample rows</summary>\n\n");
            for (SampleKind kind : SampleKind.values()) {
                List<Sample> of = d.samples().stream().filter(s -> s.kind() == kind).toList();
                if (!of.isEmpty()) {
                    samples(sb, kind, of);
                }
            }
            sb.append("</details>\n");
        }
        for (String note : d.notes()) {
            sb.append("\n_Note: ").append(escape(note)).append("_\n");
        }
    }

    private static void samples(StringBuilder sb, SampleKind kind, List<Sample> of) {
        sb.append("**").append(kind.label()).append("**\n\n");
        SampleRows table = SampleRows.of(kind, of);
        List<String> header = table.header();
        List<List<String>> rows = table.rows();
        sb.append("| ").append(String.join(" | ", header.stream().map(MarkdownReport::escape).toList())).append(" |\n|");
        sb.append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r.stream().map(MarkdownReport::escape).toList())).append(" |\n");
        }
        sb.append('\n');
    }

    private static String headline(TableDiff d) {
        if (d.error() != null) {
            return "error";
        }
        if (d.rows() == null) {
            return "not compared";
        }
        if (d.rows().added() == null) {
            return "schema and row counts only";
        }
        if (!d.hasDifferences()) {
            return "no differences";
        }
        RowCounts r = d.rows();
        List<String> parts = new ArrayList<>();
        parts.add(r.changed() + " changed");
        parts.add(r.added() + " added");
        parts.add(r.removed() + " removed");
        long schemaChanges = d.columns().stream().filter(c -> c.status() != ColumnStatus.SAME).count();
        if (schemaChanges > 0) {
            parts.add(schemaChanges + " column" + (schemaChanges == 1 ? "" : "s") + " changed in the schema");
        }
        return String.join(", ", parts);
    }

    private static String code(String s) {
        return "`" + s.replace("`", "'") + "`";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}

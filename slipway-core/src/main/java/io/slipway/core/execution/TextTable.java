package io.slipway.core.execution;

import io.slipway.adapter.QueryResult;

import java.util.ArrayList;
import java.util.List;

/** Rows as the console table {@code show} prints: a header, a rule, numbers right-aligned. */
final class TextTable {
    private TextTable() {
    }

    static String render(QueryResult result) {
        int n = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[n];
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            header[i] = result.columns().get(i).name();
            width[i] = Math.max(3, header[i].length());
            numeric[i] = true;
        }
        for (List<Object> row : result.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                line[i] = v == null ? "" : v.toString();
                if (v != null && !(v instanceof Number)) {
                    numeric[i] = false;
                }
                width[i] = Math.max(width[i], line[i].length());
            }
            cells.add(line);
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, width, new boolean[n]);
        sb.append('|');
        for (int i = 0; i < n; i++) {
            sb.append(' ').append("-".repeat(width[i])).append(" |");
        }
        sb.append('\n');
        for (String[] line : cells) {
            appendRow(sb, line, width, numeric);
        }
        return sb.toString().stripTrailing();
    }

    private static void appendRow(StringBuilder sb, String[] values, int[] width, boolean[] right) {
        sb.append('|');
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            String pad = " ".repeat(width[i] - v.length());
            sb.append(' ').append(right[i] ? pad + v : v + pad).append(" |");
        }
        sb.append('\n');
    }
}

package io.slipway.core.execution;

import io.slipway.core.template.AgateTable;
import io.slipway.jinja.runtime.Py;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison of a unit test's actual and expected rows, as dbt makes it: both sides sorted, compared as bags
 * (order does not matter, duplicates do), and on a difference a table in the manner of daff's terminal diff:
 * a {@code @@} header, {@code +++} for rows only the model returned, {@code ---} for rows only expected, and the
 * rows both have unmarked.
 */
record UnitTestDiff(List<String> columns, List<List<String>> onlyActual, List<List<String>> onlyExpected, List<List<String>> common) {
    private static final Comparator<List<String>> ROWS = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x == null || y == null) {
                if (x != y) {
                    return x == null ? 1 : -1; // nulls last, as dbt sorts them
                }
                continue;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** Splits the query's rows by their {@code actual_or_expected} column and compares them. */
    static UnitTestDiff of(AgateTable table) {
        List<String> names = table.columnNames();
        int marker = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals("actual_or_expected")) {
                marker = i;
            }
        }
        if (marker < 0) {
            throw new IllegalStateException("the unit test query has no actual_or_expected column: " + names);
        }
        List<String> columns = new ArrayList<>(names);
        columns.remove(marker);
        List<List<String>> actual = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        for (Object r : table.rows()) {
            List<?> row = (List<?>) r;
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                if (i != marker) {
                    values.add(text(row.get(i)));
                }
            }
            ("actual".equals(String.valueOf(row.get(marker))) ? actual : expected).add(values);
        }
        actual.sort(ROWS);
        expected.sort(ROWS);
        Map<List<String>, Integer> remaining = new HashMap<>();
        expected.forEach(row -> remaining.merge(row, 1, Integer::sum));
        List<List<String>> onlyActual = new ArrayList<>();
        List<List<String>> common = new ArrayList<>();
        for (List<String> row : actual) {
            Integer left = remaining.get(row);
            if (left != null && left > 0) {
                remaining.put(row, left - 1);
                common.add(row);
            } else {
                onlyActual.add(row);
            }
        }
        List<List<String>> onlyExpected = new ArrayList<>();
        for (List<String> row : expected) {
            Integer left = remaining.get(row);
            if (left != null && left > 0) {
                remaining.put(row, left - 1);
                onlyExpected.add(row);
            }
        }
        return new UnitTestDiff(columns, onlyActual, onlyExpected, common);
    }

    /** A value as compared and shown: numbers by value (1.50 equals 1.5), null as null. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return text(new BigDecimal(value.toString()));
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return value instanceof String s ? s : Py.str(value);
    }

    boolean matches() {
        return onlyActual.isEmpty() && onlyExpected.isEmpty();
    }

    /** The difference as a table, columns aligned. */
    String render() {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("@@");
        header.addAll(columns);
        lines.add(header);
        List<List<String>> rows = new ArrayList<>();
        onlyActual.forEach(r -> rows.add(marked("+++", r)));
        onlyExpected.forEach(r -> rows.add(marked("---", r)));
        common.forEach(r -> rows.add(marked("", r)));
        rows.sort(Comparator.comparing((List<String> r) -> r.subList(1, r.size()), ROWS).thenComparing(r -> r.get(0)));
        lines.addAll(rows);
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], shown(line.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                String cell = shown(line.get(i));
                out.append(cell);
                if (i < line.size() - 1) {
                    out.append(" ".repeat(widths[i] - cell.length())).append(" | ");
                }
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String shown(String value) {
        return value == null ? "NULL" : value;
    }

    private static List<String> marked(String marker, List<String> row) {
        List<String> out = new ArrayList<>();
        out.add(marker);
        out.addAll(row);
        return out;
    }
}

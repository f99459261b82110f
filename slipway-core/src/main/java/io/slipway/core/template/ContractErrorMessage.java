package io.slipway.core.template;

import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's message for a model whose SQL does not return the columns its enforced contract declares: a table
 * of the mismatches (sorted by column name) printed as agate prints tables.
 */
final class ContractErrorMessage {
    private static final List<String> HEADER = List.of("column_name", "definition_type", "contract_type", "mismatch_reason");
    private static final int MAX_WIDTH = 50;

    private ContractErrorMessage() {
    }

    /**
     * @param yamlColumns the contract's columns, each {@code {name, data_type, formatted}}
     * @param sqlColumns  the columns the model's SQL returns, in the same shape
     */
    static String of(Object yamlColumns, Object sqlColumns) {
        List<Map<?, ?>> yaml = maps(yamlColumns);
        List<Map<?, ?>> sql = maps(sqlColumns);
        if (yaml.isEmpty()) {
            return "This model has an enforced contract, and its 'columns' specification is missing";
        }
        List<List<String>> rows = new ArrayList<>();
        Set<String> sqlNames = new HashSet<>();
        for (Map<?, ?> s : sql) {
            String name = text(s.get("name"));
            sqlNames.add(name);
            Map<?, ?> match = yaml.stream().filter(y -> text(y.get("name")).equals(name)).findFirst().orElse(null);
            if (match == null) {
                rows.add(List.of(name, text(s.get("data_type")), "", "missing in contract"));
            } else if (!text(s.get("data_type")).equals(text(match.get("data_type")))) {
                rows.add(List.of(name, text(s.get("data_type")), text(match.get("data_type")), "data type mismatch"));
            }
        }
        for (Map<?, ?> y : yaml) {
            if (!sqlNames.contains(text(y.get("name")))) {
                rows.add(List.of(text(y.get("name")), "", text(y.get("data_type")), "missing in definition"));
            }
        }
        rows.sort(Comparator.comparing(r -> r.get(0)));
        return "This model has an enforced contract that failed.\n"
                + "Please ensure the name, data_type, and number of columns in your contract match the columns in your model's definition.\n\n"
                + table(rows);
    }

    /** agate's {@code print_table}: left-aligned text cells padded to the widest, a dashed rule under the header. */
    private static String table(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cut = new ArrayList<>();
            for (String v : row) {
                cut.add(v.length() > MAX_WIDTH ? v.substring(0, MAX_WIDTH - 3) + "..." : v);
            }
            cells.add(cut);
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADER.get(i).length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, widths);
        for (List<String> row : cells) {
            line(sb, row, widths);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i);
            sb.append(' ').append(v).append(" ".repeat(widths[i] - v.length())).append(" |");
        }
        sb.append('\n');
    }

    /** dbt's message when contracted columns lack a data_type. */
    static String typeMissing(Object columnNames) {
        return "Contracted models require data_type to be defined for each column. Please ensure that the column name and data_type "
                + "are defined within the YAML configuration for the " + Py.repr(columnNames) + " column(s).";
    }

    private static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? "" : Py.str(o);
    }
}

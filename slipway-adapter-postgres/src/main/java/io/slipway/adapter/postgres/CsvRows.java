package io.slipway.adapter.postgres;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Seed rows as PostgreSQL's COPY reads CSV: an unquoted empty field is NULL, text is always quoted (so an
 * empty string stays one), everything else is written as its literal and typed by the column.
 */
final class CsvRows {
    private CsvRows() {
    }

    static void append(StringBuilder out, List<Object> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            if (value instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof LocalDateTime t) {
                out.append(t.toString().replace('T', ' '));
            } else {
                quote(out, value.toString());
            }
        }
        out.append('\n');
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }
}

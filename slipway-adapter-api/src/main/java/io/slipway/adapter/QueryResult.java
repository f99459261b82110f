package io.slipway.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a statement returned: the adapter's response (dbt's {@code adapter_response}) and, when fetched,
 * the rows as Java values (Long, Double, BigDecimal, String, Boolean, java.time values, null).
 *
 * @param message      the response message, e.g. {@code OK} or {@code SELECT 5}
 * @param code         the statement kind, e.g. {@code SELECT}, or null
 * @param rowsAffected rows affected or returned, or -1 when unknown
 */
public record QueryResult(String message, String code, long rowsAffected, List<ColumnInfo> columns, List<List<Object>> rows) {
    public QueryResult {
        Objects.requireNonNull(message, "message is null");
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public static QueryResult ofMessage(String message, String code, long rowsAffected) {
        return new QueryResult(message, code, rowsAffected, List.of(), List.of());
    }
}

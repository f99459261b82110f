package io.slipway.diff.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A differing row. Values are as the warehouse returned them (Long, BigDecimal, Double, String, Boolean,
 * java.time values, null).
 *
 * @param key            the key columns and values
 * @param left           the left row's compared columns (key included), or null when added
 * @param right          the right row's compared columns (key included, by left name), or null when removed
 * @param changedColumns for changed rows, the columns that differ, in column order
 */
public record Sample(SampleKind kind, Map<String, Object> key, Map<String, Object> left, Map<String, Object> right, List<String> changedColumns) {
    public Sample {
        Objects.requireNonNull(kind, "kind is null");
        key = frozen(key);
        left = left == null ? null : frozen(left);
        right = right == null ? null : frozen(right);
        changedColumns = List.copyOf(changedColumns);
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}

package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source table's freshness criteria as dbt merges them: the project's {@code +freshness} config, then the
 * source's {@code freshness:}, then the table's. A level that does not mention freshness inherits; a level
 * that says {@code freshness: null} (or {@code warn_after: null}) turns it off. Thresholds merge one level
 * deeper: a table that sets only {@code error_after} keeps its source's {@code warn_after}.
 *
 * <p>Maps stand for dbt's {@code FreshnessThreshold}: empty when not written, null when turned off.
 */
final class FreshnessMerger {
    static final List<String> PERIODS = List.of("minute", "hour", "day");

    private FreshnessMerger() {
    }

    /**
     * @return the merged criteria in dbt's shape ({@code warn_after}, {@code error_after} with {@code count} and
     *         {@code period}, and {@code filter}), or an empty map when freshness is off
     */
    static Map<String, Object> merge(Object project, Map<String, Object> source, Map<String, Object> table, String what, String file) {
        Map<String, Object> base = project instanceof Map<?, ?> p ? validated(copy(p), what, file) : null;
        Map<String, Object> merged = merge(base, source == null ? null : validated(source, what, file));
        merged = merge(merged, table == null ? null : validated(table, what, file));
        return merged == null ? Map.of() : normalized(merged);
    }

    /** dbt's {@code merge_freshness}: null turns off, an unwritten level inherits. */
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> update) {
        if (base == null || update == null) {
            return base == null ? update : null;
        }
        Map<String, Object> out = new LinkedHashMap<>(base);
        update.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        for (String key : List.of("warn_after", "error_after")) {
            Object b = base.containsKey(key) ? base.get(key) : Map.of();
            Object u = update.containsKey(key) ? update.get(key) : Map.of();
            Object time;
            if (isSet(b) && isSet(u)) {
                time = u;
            } else if (u == null) {
                time = null;
            } else {
                time = isSet(u) ? u : b;
            }
            out.put(key, time);
        }
        return out;
    }

    /** Whether a threshold ({@code {count, period}}) is complete; dbt ignores one missing either. */
    static boolean isSet(Object time) {
        return time instanceof Map<?, ?> m && m.get("count") != null && m.get("period") != null;
    }

    private static Map<String, Object> normalized(Map<String, Object> merged) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("warn_after", "error_after")) {
            Object time = merged.containsKey(key) ? merged.get(key) : Map.of();
            if (time == null) {
                out.put(key, null);
            } else {
                Map<?, ?> t = (Map<?, ?>) time;
                Map<String, Object> shaped = new LinkedHashMap<>();
                shaped.put("count", t.get("count"));
                shaped.put("period", t.get("period"));
                out.put(key, shaped);
            }
        }
        out.put("filter", merged.get("filter"));
        return out;
    }

    private static Map<String, Object> validated(Map<String, Object> threshold, String what, String file) {
        for (Map.Entry<String, Object> e : threshold.entrySet()) {
            String key = e.getKey();
            if (key.equals("filter")) {
                continue;
            }
            if (!key.equals("warn_after") && !key.equals("error_after")) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Invalid freshness of " + what + " in " + file + ": unknown key '"
                        + key + "'; freshness takes warn_after, error_after and filter", file, 0);
            }
            if (e.getValue() == null) {
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> time)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Invalid freshness of " + what + " in " + file + ": " + key
                        + " must be a mapping like {count: 12, period: hour}, got " + e.getValue(), file, 0);
            }
            Object count = time.get("count");
            if (count != null && !(count instanceof Long || count instanceof Integer)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Invalid freshness of " + what + " in " + file + ": "
                        + key + ".count must be a whole number, got " + count, file, 0);
            }
            Object period = time.get("period");
            if (period != null && !PERIODS.contains(period.toString())) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Invalid freshness of " + what + " in " + file + ": "
                        + key + ".period is '" + period + "'; it must be one of minute, hour or day", file, 0);
            }
        }
        return threshold;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}

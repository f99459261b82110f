package io.slipway.core.execution;

import java.util.Map;

/**
 * A source's {@code freshness:} thresholds as dbt judges them: {@code error} when older than
 * {@code error_after}, else {@code warn} when older than {@code warn_after}, else {@code pass}. A threshold
 * missing its count or period is ignored.
 */
record FreshnessCriteria(Long warnAfterSeconds, Long errorAfterSeconds, String filter) {

    static FreshnessCriteria of(Map<String, Object> freshness) {
        Object filter = freshness.get("filter");
        return new FreshnessCriteria(seconds(freshness.get("warn_after")), seconds(freshness.get("error_after")),
                filter == null ? null : filter.toString());
    }

    /** dbt's {@code has_freshness}: at least one complete threshold. */
    boolean isSet() {
        return warnAfterSeconds != null || errorAfterSeconds != null;
    }

    /** The status for data {@code age} seconds old. */
    FreshnessStatus status(double age) {
        if (errorAfterSeconds != null && age > errorAfterSeconds) {
            return FreshnessStatus.ERROR;
        }
        if (warnAfterSeconds != null && age > warnAfterSeconds) {
            return FreshnessStatus.WARN;
        }
        return FreshnessStatus.PASS;
    }

    private static Long seconds(Object time) {
        if (!(time instanceof Map<?, ?> m) || !(m.get("count") instanceof Number count) || m.get("period") == null) {
            return null;
        }
        long unit = switch (m.get("period").toString()) {
            case "minute" -> 60L;
            case "hour" -> 3_600L;
            case "day" -> 86_400L;
            default -> 0L;
        };
        return unit == 0 ? null : count.longValue() * unit;
    }

    /** A freshness check's outcome, spelled as sources.json spells it. */
    enum FreshnessStatus {
        PASS("pass", "PASS"), WARN("warn", "WARN"), ERROR("error", "ERROR STALE"), RUNTIME_ERROR("runtime error", "ERROR");

        private final String json;
        private final String word;

        FreshnessStatus(String json, String word) {
            this.json = json;
            this.word = word;
        }

        String json() {
            return json;
        }

        /** What the console line says ({@code ERROR STALE} for an error, {@code ERROR} for a runtime error). */
        String word() {
            return word;
        }

        /** Whether it makes the command exit 1 (dbt: error and runtime error; warn does not). */
        boolean isFailure() {
            return this == ERROR || this == RUNTIME_ERROR;
        }
    }
}

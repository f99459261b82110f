package io.slipway.core.project;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The profile target a run uses: its settings as written in {@code profiles.yml} (rendered), and where
 * they came from.
 *
 * @param profilesFile the profiles.yml read, or null when Slipway fell back to an embedded DuckDB file
 */
public record ProfileTarget(String profileName, String targetName, Map<String, Object> values, Path profilesFile) {
    public ProfileTarget {
        Objects.requireNonNull(profileName, "profileName is null");
        Objects.requireNonNull(targetName, "targetName is null");
        values = Frozen.map(values);
    }

    /** The warehouse type ({@code duckdb}, {@code postgres}). */
    public String type() {
        Object type = values.get("type");
        return type == null ? "" : type.toString();
    }

    public boolean isFallback() {
        return profilesFile == null;
    }

    /** The target's {@code threads}, or 1. */
    public int threads() {
        Object t = values.get("threads");
        if (t instanceof Number n) {
            return Math.max(1, n.intValue());
        }
        if (t != null) {
            try {
                return Math.max(1, Integer.parseInt(t.toString().trim()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
        return 1;
    }
}

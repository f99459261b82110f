package io.slipway.adapter;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A profile target's settings as written in {@code profiles.yml} (after rendering), plus where the
 * project lives so relative paths (a DuckDB file, say) resolve as dbt resolves them.
 *
 * @param targetName the target's name ({@code dev})
 * @param values     every key of the target ({@code type}, {@code schema}, {@code threads}, {@code path}, ...)
 * @param projectDir the project directory
 */
public record AdapterSettings(String targetName, Map<String, Object> values, Path projectDir) {
    public AdapterSettings {
        Objects.requireNonNull(targetName, "targetName is null");
        Objects.requireNonNull(projectDir, "projectDir is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values is null")));
    }

    /** A setting as text, or {@code defaultValue} when absent or null. */
    public String string(String key, String defaultValue) {
        Object v = values.get(key);
        return v == null ? defaultValue : v.toString();
    }

    /** A setting as an int, or {@code defaultValue} when absent. */
    public int integer(String key, int defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new AdapterException(AdapterErrorCode.INVALID_PROFILE,
                    "profile setting '" + key + "' must be an integer, got '" + v + "'");
        }
    }
}

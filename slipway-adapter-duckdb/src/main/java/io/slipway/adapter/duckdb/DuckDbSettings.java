package io.slipway.adapter.duckdb;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.AdapterSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A DuckDB target as dbt-duckdb reads it: {@code path} (default {@code :memory:}), relative to the
 * project directory; {@code database} defaults to the file's stem ({@code memory} in memory);
 * {@code schema} defaults to {@code main}.
 *
 * @param path     the database file, or null for an in-memory database
 * @param database the catalog name relations are qualified with
 */
public record DuckDbSettings(String targetName, Path path, String database, String schema, int threads, Map<String, Object> raw) {
    public DuckDbSettings {
        Objects.requireNonNull(targetName, "targetName is null");
        Objects.requireNonNull(database, "database is null");
        Objects.requireNonNull(schema, "schema is null");
        raw = Map.copyOf(raw);
    }

    static DuckDbSettings from(AdapterSettings settings) {
        String pathSetting = settings.string("path", ":memory:");
        Path path = null;
        String database;
        if (pathSetting.equals(":memory:") || pathSetting.startsWith(":memory:")) {
            database = "memory";
        } else {
            if (pathSetting.startsWith("md:") || pathSetting.startsWith("motherduck:")) {
                throw new AdapterException(AdapterErrorCode.INVALID_PROFILE, "MotherDuck paths are not supported: '" + pathSetting + "'");
            }
            path = settings.projectDir().resolve(pathSetting).toAbsolutePath().normalize();
            String file = path.getFileName().toString();
            int dot = file.indexOf('.');
            database = dot > 0 ? file.substring(0, dot) : file;
        }
        String explicit = settings.string("database", null);
        if (explicit != null && !explicit.equalsIgnoreCase(database)) {
            throw new AdapterException(AdapterErrorCode.INVALID_PROFILE,
                    "profile sets database '" + explicit + "' but the DuckDB file '" + pathSetting
                            + "' is attached as '" + database + "'; remove 'database' or make it match the file name");
        }
        String schema = settings.string("schema", "main");
        int threads = settings.integer("threads", 1);
        if (threads < 1) {
            throw new AdapterException(AdapterErrorCode.INVALID_PROFILE, "profile setting 'threads' must be at least 1, got " + threads);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        settings.values().forEach((k, v) -> {
            if (v != null) {
                raw.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return new DuckDbSettings(settings.targetName(), path, database, schema, threads, raw);
    }
}

package io.slipway.core.project;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds {@code profiles.yml} and picks the target, as dbt does: {@code --profiles-dir}, then
 * {@code DBT_PROFILES_DIR}, then the project directory, then the working directory, then {@code ~/.dbt}.
 * With no profiles.yml anywhere, the run falls back to an embedded DuckDB file under the target path.
 */
public final class ProfileLoader {
    public static final String PROFILES_FILE = "profiles.yml";

    private ProfileLoader() {
    }

    /** Where profiles.yml was looked for, in order, and which exists (null if none). */
    public static Path locate(Path explicitDir, Map<String, String> env, Path projectDir, Path workingDir, Path homeDir) {
        for (Path dir : candidates(explicitDir, env, projectDir, workingDir, homeDir)) {
            Path file = dir.resolve(PROFILES_FILE);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        if (explicitDir != null) {
            throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                    "no profiles.yml in --profiles-dir " + explicitDir.toAbsolutePath().normalize());
        }
        return null;
    }

    private static List<Path> candidates(Path explicitDir, Map<String, String> env, Path projectDir, Path workingDir, Path homeDir) {
        List<Path> dirs = new ArrayList<>();
        if (explicitDir != null) {
            dirs.add(explicitDir);
            return dirs;
        }
        String fromEnv = env.get("DBT_PROFILES_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            dirs.add(Path.of(fromEnv));
        }
        dirs.add(projectDir);
        if (workingDir != null) {
            dirs.add(workingDir);
        }
        if (homeDir != null) {
            dirs.add(homeDir.resolve(".dbt"));
        }
        return dirs;
    }

    /**
     * Reads the profile and target from {@code file}.
     *
     * @param targetOverride {@code --target}, or null for the profile's {@code target:}
     */
    public static ProfileTarget load(Path file, String profileName, String targetOverride, ValueRenderer renderer) {
        String display = file.toString();
        Map<String, Object> profiles = Yaml.asMap(Yaml.read(file, display), "profiles.yml", display);
        Object profileValue = profiles.get(profileName);
        if (profileValue == null) {
            List<String> available = new ArrayList<>(profiles.keySet());
            available.remove("config");
            throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                    "profile '" + profileName + "' (named by 'profile:' in dbt_project.yml) is not in " + display
                            + (available.isEmpty() ? "" : "; profiles there: " + String.join(", ", available)),
                    display, 0);
        }
        Map<String, Object> profile = Yaml.asMap(profileValue, "profile '" + profileName + "'", display);
        Map<String, Object> outputs = Yaml.asMap(profile.get("outputs"), "'outputs:' of profile '" + profileName + "'", display);
        String targetName = targetOverride;
        if (targetName == null) {
            Object t = profile.get("target");
            targetName = t == null ? "default" : String.valueOf(renderValue(t, profileName + ".target", renderer));
        }
        Object targetValue = outputs.get(targetName);
        if (targetValue == null) {
            throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                    "target '" + targetName + "' is not in profile '" + profileName + "' (" + display + ")"
                            + (outputs.isEmpty() ? "" : "; targets there: " + String.join(", ", outputs.keySet())),
                    display, 0);
        }
        Map<String, Object> target = Yaml.asMap(targetValue, "target '" + targetName + "'", display);
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : target.entrySet()) {
            rendered.put(e.getKey(), renderValue(e.getValue(), profileName + ".outputs." + targetName + "." + e.getKey(), renderer));
        }
        if (rendered.get("type") == null) {
            throw new SlipwayException(ErrorCode.PROFILE_INVALID,
                    "target '" + targetName + "' of profile '" + profileName + "' has no 'type:' (duckdb, postgres)", display, 0);
        }
        return new ProfileTarget(profileName, targetName, rendered, file);
    }

    /** The embedded DuckDB target used when no profiles.yml exists: a file under the target path. */
    public static ProfileTarget fallback(String profileName, String targetOverride, String targetPath, String projectName) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", "duckdb");
        values.put("path", targetPath + "/" + projectName + ".duckdb");
        values.put("schema", "main");
        values.put("threads", 4L);
        return new ProfileTarget(profileName, targetOverride == null ? "dev" : targetOverride, values, null);
    }

    private static Object renderValue(Object value, String keyPath, ValueRenderer renderer) {
        if (value instanceof String s && ValueRenderer.hasJinja(s)) {
            return renderer.render(s, keyPath);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, keyPath + "." + k, renderer)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(renderValue(o, keyPath, renderer));
            }
            return out;
        }
        return value;
    }
}

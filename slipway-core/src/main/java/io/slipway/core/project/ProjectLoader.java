package io.slipway.core.project;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and renders {@code dbt_project.yml}. */
public final class ProjectLoader {
    public static final String PROJECT_FILE = "dbt_project.yml";

    /** Keys of dbt_project.yml that hold config trees, with the key Slipway files them under. */
    private static final Map<String, String> CONFIG_TREES = Map.of(
            "models", "models",
            "seeds", "seeds",
            "snapshots", "snapshots",
            "tests", "data_tests",
            "data_tests", "data_tests",
            "sources", "sources",
            "analyses", "analyses",
            "unit_tests", "unit_tests",
            "exposures", "exposures");

    private ProjectLoader() {
    }

    /** Whether a directory holds a project. */
    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(PROJECT_FILE));
    }

    /** The raw (unrendered) project file, to find the profile name before a profile exists to render with. */
    public static Map<String, Object> readRaw(Path projectDir) {
        Path file = projectDir.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID,
                    "no dbt_project.yml found in " + projectDir.toAbsolutePath().normalize()
                            + "; run from a dbt project or pass --project-dir");
        }
        Object raw = Yaml.read(file, PROJECT_FILE);
        if (!(raw instanceof Map)) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, PROJECT_FILE + " must be a mapping of settings", PROJECT_FILE, 1);
        }
        return Yaml.asMap(raw, "dbt_project.yml", PROJECT_FILE);
    }

    /** Renders and validates the raw project file. */
    public static ProjectConfig load(Path projectDir, Map<String, Object> raw, ValueRenderer renderer) {
        String name = requiredString(raw, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID,
                    "project name '" + name + "' must be letters, digits and underscores, not starting with a digit", PROJECT_FILE, 0);
        }
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> unrendered = new LinkedHashMap<>();
        for (Map.Entry<String, String> tree : CONFIG_TREES.entrySet()) {
            Object value = raw.get(tree.getKey());
            if (value == null) {
                continue;
            }
            Map<String, Object> asWritten = Yaml.asMap(value, "'" + tree.getKey() + ":'", PROJECT_FILE);
            Map<String, Object> rendered = Yaml.asMap(renderTree(asWritten, tree.getKey(), renderer), tree.getKey(), PROJECT_FILE);
            merge(configs, tree.getValue(), rendered);
            merge(unrendered, tree.getValue(), asWritten);
        }

        List<String> modelPaths = paths(raw, "model-paths", "source-paths", List.of("models"));
        List<String> seedPaths = paths(raw, "seed-paths", "data-paths", List.of("seeds"));
        List<String> testPaths = paths(raw, "test-paths", null, List.of("tests"));
        List<String> macroPaths = paths(raw, "macro-paths", null, List.of("macros"));
        List<String> snapshotPaths = paths(raw, "snapshot-paths", null, List.of("snapshots"));
        List<String> analysisPaths = paths(raw, "analysis-paths", null, List.of("analyses"));
        List<String> allPaths = new ArrayList<>();
        for (List<String> p : List.of(modelPaths, seedPaths, testPaths, macroPaths, snapshotPaths, analysisPaths)) {
            allPaths.addAll(p);
        }
        List<String> docsPaths = paths(raw, "docs-paths", null, allPaths);
        String targetPath = stringOr(raw, "target-path", "target", renderer);
        String packagesPath = stringOr(raw, "packages-install-path", "dbt_packages", renderer);
        List<String> clean = raw.containsKey("clean-targets") ? strings(raw.get("clean-targets"), "clean-targets") : List.of(targetPath);

        Map<String, Object> vars = Yaml.asMap(renderTree(raw.get("vars"), "vars", renderer), "'vars:'", PROJECT_FILE);

        Map<String, List<String>> dispatch = new LinkedHashMap<>();
        for (Object entry : Yaml.asList(raw.get("dispatch"))) {
            Map<String, Object> e = Yaml.asMap(entry, "a 'dispatch:' entry", PROJECT_FILE);
            String namespace = Yaml.asString(e.get("macro_namespace"));
            if (namespace == null) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "a 'dispatch:' entry needs 'macro_namespace'", PROJECT_FILE, 0);
            }
            dispatch.put(namespace, strings(e.get("search_order"), "dispatch.search_order"));
        }

        return new ProjectConfig(
                projectDir,
                name,
                Yaml.asString(raw.get("version")),
                raw.containsKey("profile") ? requiredString(raw, "profile") : name,
                modelPaths, seedPaths, testPaths, macroPaths, snapshotPaths, analysisPaths, docsPaths,
                targetPath, packagesPath, clean,
                vars, configs, unrendered,
                strings(raw.get("on-run-start"), "on-run-start"),
                strings(raw.get("on-run-end"), "on-run-end"),
                raw.get("require-dbt-version"),
                dispatch,
                Yaml.asMap(raw.get("quoting"), "'quoting:'", PROJECT_FILE));
    }

    private static void merge(Map<String, Map<String, Object>> into, String key, Map<String, Object> tree) {
        into.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(tree);
    }

    /** Renders every string in a tree except hooks, which dbt renders when they run. */
    private static Object renderTree(Object value, String path, ValueRenderer renderer) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                String bare = key.startsWith("+") ? key.substring(1) : key;
                boolean hook = bare.equals("pre-hook") || bare.equals("post-hook") || bare.equals("pre_hook") || bare.equals("post_hook");
                out.put(key, hook ? v : renderTree(v, path + "." + key, renderer));
            });
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(renderTree(l.get(i), path + "[" + i + "]", renderer));
            }
            return out;
        }
        if (value instanceof String s && ValueRenderer.hasJinja(s)) {
            return renderer.render(s, path);
        }
        return value;
    }

    private static String requiredString(Map<String, Object> raw, String key) {
        Object v = raw.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, PROJECT_FILE + " has no '" + key + ":'; add it", PROJECT_FILE, 0);
        }
        return v.toString();
    }

    private static String stringOr(Map<String, Object> raw, String key, String defaultValue, ValueRenderer renderer) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        Object rendered = v instanceof String s && ValueRenderer.hasJinja(s) ? renderer.render(s, key) : v;
        return String.valueOf(rendered);
    }

    private static List<String> paths(Map<String, Object> raw, String key, String legacyKey, List<String> defaults) {
        Object v = raw.containsKey(key) ? raw.get(key) : legacyKey == null ? null : raw.get(legacyKey);
        if (v == null) {
            return defaults;
        }
        return strings(v, key);
    }

    private static List<String> strings(Object value, String key) {
        List<String> out = new ArrayList<>();
        for (Object item : Yaml.asList(value)) {
            if (item instanceof Map || item instanceof List) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "'" + key + ":' must be a list of strings", PROJECT_FILE, 0);
            }
            if (item != null) {
                out.add(item.toString());
            }
        }
        return out;
    }
}

package io.slipway.core.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's {@code dbt_project.yml} after rendering. Config trees ({@code models:}, {@code seeds:}, ...)
 * are kept both rendered (what nodes get) and as written (dbt's {@code unrendered_config}, which state
 * comparison uses so that target-dependent values do not look like changes).
 *
 * @param configs           rendered config trees by resource key ({@code models}, {@code seeds}, {@code data_tests}, {@code snapshots}, {@code sources}, {@code analyses})
 * @param unrenderedConfigs the same trees as written
 * @param vars              the {@code vars:} block (global values and package-scoped blocks)
 * @param dispatch          {@code dispatch:} entries: macro namespace to search order
 */
public record ProjectConfig(
        Path projectDir,
        String name,
        String version,
        String profile,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> testPaths,
        List<String> macroPaths,
        List<String> snapshotPaths,
        List<String> analysisPaths,
        List<String> docsPaths,
        String targetPath,
        String packagesInstallPath,
        List<String> cleanTargets,
        Map<String, Object> vars,
        Map<String, Map<String, Object>> configs,
        Map<String, Map<String, Object>> unrenderedConfigs,
        List<String> onRunStart,
        List<String> onRunEnd,
        Object requireDbtVersion,
        Map<String, List<String>> dispatch,
        Map<String, Object> quoting) {

    public ProjectConfig {
        Objects.requireNonNull(projectDir, "projectDir is null");
        Objects.requireNonNull(name, "name is null");
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        testPaths = List.copyOf(testPaths);
        macroPaths = List.copyOf(macroPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        analysisPaths = List.copyOf(analysisPaths);
        docsPaths = List.copyOf(docsPaths);
        cleanTargets = List.copyOf(cleanTargets);
        onRunStart = List.copyOf(onRunStart);
        onRunEnd = List.copyOf(onRunEnd);
        vars = Frozen.map(vars);
        configs = Frozen.mapOfMaps(configs);
        unrenderedConfigs = Frozen.mapOfMaps(unrenderedConfigs);
        dispatch = Map.copyOf(dispatch);
        quoting = Frozen.map(quoting);
    }

    /** The config tree for a resource key, e.g. {@code models}; empty if none. */
    public Map<String, Object> configTree(String key) {
        return configs.getOrDefault(key, Map.of());
    }

    public Map<String, Object> unrenderedConfigTree(String key) {
        return unrenderedConfigs.getOrDefault(key, Map.of());
    }

    /** Every folder parsing reads files from (resource and docs paths), each once. */
    public java.util.List<Path> inputDirs() {
        java.util.Set<Path> dirs = new java.util.LinkedHashSet<>();
        for (List<String> paths : List.of(modelPaths, seedPaths, testPaths, macroPaths, snapshotPaths, analysisPaths, docsPaths)) {
            for (String p : paths) {
                dirs.add(projectDir.resolve(p).normalize());
            }
        }
        return List.copyOf(dirs);
    }
}

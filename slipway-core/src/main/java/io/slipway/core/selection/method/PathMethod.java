package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code path:} (and the default method for a value with a {@code /}): a glob relative to the project root, with
 * Python {@code pathlib} semantics ({@code *} within one folder, {@code **} for any depth of folders). Selects the
 * nodes and sources whose file is matched, whose file lies under a matched folder, or whose properties file
 * (patch path) is matched.
 *
 * <p>dbt globs the file system. Only paths that are some node's file, a folder above one, or a properties file
 * can change the outcome, so this method globs those paths: when the selector knows the project directory, the
 * ones that exist there (so, as in dbt, a package's node matches when the same relative path exists in the
 * root project); otherwise the root project's own ones.
 */
public final class PathMethod implements SelectorMethod {
    private static final String INDEX_KEY = PathMethod.class.getName() + ".index";

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        Glob glob = Glob.parse(criteria.valueString(), criteria.raw());
        PathIndex index = context.memo(INDEX_KEY, () -> PathIndex.build(context));
        Set<String> matched = new HashSet<>();
        for (Map.Entry<String, Boolean> entry : index.paths.entrySet()) {
            String path = entry.getKey();
            boolean directory = entry.getValue();
            if (glob.matches(ProjectPaths.segments(path), directory) && index.exists(path, directory)) {
                matched.add(path);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        if (matched.isEmpty()) {
            return out;
        }
        for (Node node : context.nodes(candidates)) {
            if (selected(node.originalFilePath(), node.patchPath(), matched)) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            if (selected(source.originalFilePath(), null, matched)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }

    private static boolean selected(String originalFilePath, String patchPath, Set<String> matched) {
        if (originalFilePath != null) {
            if (matched.contains(ProjectPaths.normalize(originalFilePath))) {
                return true;
            }
        }
        String patch = ProjectPaths.patchFile(patchPath);
        if (patch != null && matched.contains(ProjectPaths.normalize(patch))) {
            return true;
        }
        if (originalFilePath != null) {
            for (String parent : ProjectPaths.parents(originalFilePath)) {
                if (matched.contains(parent)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A {@code pathlib} glob pattern, split into parts. */
    record Glob(List<String> parts, boolean directoriesOnly) {
        static Glob parse(String value, String raw) {
            String pattern = value.replace('\\', '/');
            if (pattern.startsWith("/")) {
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid path selector '" + raw
                        + "': paths are relative to the project root; write e.g. path:models/staging, not an absolute path");
            }
            List<String> parts = ProjectPaths.segments(pattern);
            if (parts.isEmpty()) {
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid path selector '" + raw
                        + "': it names no path; write a folder or file relative to the project root, e.g. path:models/staging");
            }
            if (parts.contains("..")) {
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid path selector '" + raw
                        + "': '..' leaves the project; write a path inside the project, e.g. path:models/staging");
            }
            return new Glob(parts, pattern.endsWith("/"));
        }

        boolean matches(List<String> path, boolean directory) {
            if (directoriesOnly && !directory) {
                return false;
            }
            return match(0, path, 0, directory);
        }

        private boolean match(int i, List<String> path, int j, boolean directory) {
            if (i == parts.size()) {
                return j == path.size();
            }
            String part = parts.get(i);
            if (part.equals("**")) {
                if (i == parts.size() - 1) {
                    // a trailing ** yields folders (the one it starts from and every one below)
                    return directory;
                }
                for (int k = j; k <= path.size(); k++) {
                    if (match(i + 1, path, k, directory)) {
                        return true;
                    }
                }
                return false;
            }
            String segmentPattern = part.contains("**") ? part.replaceAll("\\*\\*+", "*") : part;
            return j < path.size() && Fnmatch.matches(path.get(j), segmentPattern) && match(i + 1, path, j + 1, directory);
        }
    }

    /** Every path that can decide a path selection, with whether it is a folder. */
    static final class PathIndex {
        final Map<String, Boolean> paths = new LinkedHashMap<>();
        private final Path projectDir;
        private final Map<String, Boolean> existing = new ConcurrentHashMap<>();

        private PathIndex(Path projectDir) {
            this.projectDir = projectDir;
        }

        static PathIndex build(SelectionContext context) {
            PathIndex index = new PathIndex(context.projectDir());
            boolean onlyRoot = context.projectDir() == null;
            String root = context.rootProject();
            for (Node node : context.manifest().nodes().values()) {
                if (!onlyRoot || root.equals(node.packageName())) {
                    index.addFile(node.originalFilePath());
                    String patch = ProjectPaths.patchFile(node.patchPath());
                    if (patch != null) {
                        index.paths.putIfAbsent(ProjectPaths.normalize(patch), false);
                    }
                }
            }
            for (SourceDefinition source : context.manifest().sources().values()) {
                if (!onlyRoot || root.equals(source.packageName())) {
                    index.addFile(source.originalFilePath());
                }
            }
            return index;
        }

        private void addFile(String originalFilePath) {
            if (originalFilePath == null) {
                return;
            }
            paths.putIfAbsent(ProjectPaths.normalize(originalFilePath), false);
            for (String parent : ProjectPaths.parents(originalFilePath)) {
                paths.put(parent, true);
            }
        }

        boolean exists(String path, boolean directory) {
            if (projectDir == null) {
                return true;
            }
            return existing.computeIfAbsent(path, p -> {
                Path file = p.isEmpty() ? projectDir : projectDir.resolve(p);
                return directory ? Files.isDirectory(file) : Files.exists(file);
            });
        }
    }
}

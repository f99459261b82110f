package io.slipway.core.deps;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.project.ValueRenderer;
import io.slipway.core.project.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The packages a project declares, read as dbt reads them: {@code packages:} of {@code dependencies.yml} if
 * it has one, else {@code packages.yml}; both having {@code packages:} is an error, and so is
 * {@code projects:} in packages.yml. Jinja in values is rendered with {@code env_var} and {@code var}.
 *
 * @param fileName the file the packages came from ({@code packages.yml} when there is none)
 * @param packages the entries, in file order
 */
public record PackagesFile(String fileName, List<PackageSpec> packages) {
    public static final String PACKAGES = "packages.yml";
    public static final String DEPENDENCIES = "dependencies.yml";

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Set<String> KINDS = Set.of("local", "git", "package", "tarball", "private");
    private static final Set<String> LOCAL_KEYS = Set.of("local", "name", "install-mode", "install_mode");
    private static final Set<String> GIT_KEYS = Set.of("git", "revision", "warn-unpinned", "warn_unpinned", "subdirectory", "name");
    private static final Set<String> HUB_KEYS = Set.of("package", "version", "install-prerelease", "install_prerelease", "name");

    public PackagesFile {
        packages = List.copyOf(packages);
    }

    /**
     * Reads the packages declared in {@code dir}.
     *
     * @param owner the package {@code dir} belongs to, or null for the root project (for messages)
     */
    public static PackagesFile read(Path dir, String owner, ValueRenderer renderer) {
        Path packagesPath = dir.resolve(PACKAGES);
        Path dependenciesPath = dir.resolve(DEPENDENCIES);
        Map<String, Object> packagesYml = Files.isRegularFile(packagesPath) ? readMapping(packagesPath, PACKAGES, owner) : Map.of();
        Map<String, Object> dependenciesYml = Files.isRegularFile(dependenciesPath)
                ? readMapping(dependenciesPath, DEPENDENCIES, owner) : Map.of();
        if (packagesYml.containsKey("packages") && dependenciesYml.containsKey("packages")) {
            throw error("The 'packages' key cannot be specified in both packages.yml and dependencies.yml; keep one list of packages",
                    new Origin(DEPENDENCIES, 0, owner));
        }
        if (packagesYml.containsKey("projects")) {
            throw error("The 'projects' key cannot be specified in packages.yml; project dependencies belong in dependencies.yml",
                    new Origin(PACKAGES, 0, owner));
        }
        if (dependenciesYml.containsKey("packages")) {
            return new PackagesFile(DEPENDENCIES, entries(dependenciesPath, DEPENDENCIES, owner, dependenciesYml, renderer));
        }
        if (!packagesYml.isEmpty() && !packagesYml.containsKey("packages")) {
            throw error("packages.yml must have a 'packages:' list, like:\npackages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n"
                    + "found only: " + String.join(", ", packagesYml.keySet()), new Origin(PACKAGES, 1, owner));
        }
        if (packagesYml.isEmpty()) {
            return new PackagesFile(PACKAGES, List.of());
        }
        return new PackagesFile(PACKAGES, entries(packagesPath, PACKAGES, owner, packagesYml, renderer));
    }

    /** The entries of a file's {@code packages:} list (also package-lock.yml's), checked, with their lines. */
    static List<PackageSpec> entries(Path file, String display, String owner, Map<String, Object> content, ValueRenderer renderer) {
        Object list = content.get("packages");
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw error("'packages:' must be a list of entries (each starting with '- '), got: " + list, new Origin(display, 1, owner));
        }
        List<Integer> lines = entryLines(file);
        List<PackageSpec> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Origin origin = new Origin(display, i < lines.size() ? lines.get(i) : 0, owner);
            out.add(entry(items.get(i), origin, renderer));
        }
        return out;
    }

    /** Reads a YAML file that must be a mapping (or empty). */
    static Map<String, Object> readMapping(Path file, String display, String owner) {
        Object raw;
        try {
            raw = Yaml.read(file, display);
        } catch (SlipwayException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, e.getMessage() + (owner == null ? "" : " (package " + owner + ")"),
                    e.file(), e.line(), e);
        }
        if (raw == null) {
            return Map.of();
        }
        if (!(raw instanceof Map)) {
            throw error(display + " must be a mapping with a 'packages:' list", new Origin(display, 1, owner));
        }
        return Yaml.asMap(raw, display, display);
    }

    /** One entry, rendered and checked. */
    static PackageSpec entry(Object raw, Origin origin, ValueRenderer renderer) {
        if (!(raw instanceof Map<?, ?> asWritten)) {
            throw error("each entry under 'packages:' must be a mapping like '- package: dbt-labs/dbt_utils', got: " + raw, origin);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> rendered = (Map<String, Object>) render(asWritten, renderer, origin);
        List<String> kinds = rendered.keySet().stream().filter(KINDS::contains).toList();
        if (kinds.isEmpty()) {
            throw error("a package entry needs one of 'package:' (from the hub), 'git:' or 'local:'; got keys: "
                    + String.join(", ", rendered.keySet()), origin);
        }
        if (kinds.size() > 1) {
            throw error("a package entry has both '" + kinds.get(0) + ":' and '" + kinds.get(1) + ":'; give each package its own entry", origin);
        }
        String kind = kinds.get(0);
        switch (kind) {
            case "local" -> {
                checkKeys(rendered, LOCAL_KEYS, "local", origin);
                String local = requiredString(rendered, "local", origin);
                Object mode = rendered.containsKey("install_mode") ? rendered.get("install_mode") : rendered.get("install-mode");
                if (mode != null && !mode.equals("symlink") && !mode.equals("deepcopy")) {
                    throw error("'install_mode:' of " + local + " must be symlink or deepcopy, got: " + mode, origin);
                }
                return new PackageSpec.Local(local, "deepcopy".equals(mode), origin, rendered);
            }
            case "git" -> {
                checkKeys(rendered, GIT_KEYS, "git", origin);
                String git = requiredString(rendered, "git", origin);
                Object revision = rendered.get("revision");
                if (revision instanceof Map || revision instanceof List) {
                    throw error("'revision:' of " + git + " must be one branch, tag or commit sha, got: " + revision, origin);
                }
                Object warn = rendered.containsKey("warn-unpinned") ? rendered.get("warn-unpinned") : rendered.get("warn_unpinned");
                if (warn != null && !(warn instanceof Boolean)) {
                    throw error("'warn-unpinned:' of " + git + " must be true or false, got: " + warn, origin);
                }
                String subdirectory = optionalString(rendered, "subdirectory", origin);
                Object unrendered = asWritten.get("git");
                return new PackageSpec.Git(git, unrendered == null ? git : unrendered.toString(),
                        revision == null ? null : scalar(revision), !Boolean.FALSE.equals(warn), subdirectory, origin, rendered);
            }
            case "package" -> {
                checkKeys(rendered, HUB_KEYS, "hub", origin);
                String name = requiredString(rendered, "package", origin);
                if (!name.contains("/")) {
                    throw error(name + " was not found in the package index. Packages on the index require a namespace, e.g dbt-labs/dbt_utils",
                            origin);
                }
                Object version = rendered.get("version");
                if (version == null || (version instanceof String s && s.isBlank()) || (version instanceof List<?> l && l.isEmpty())) {
                    throw error(name + " is missing the version. When installing from the Hub package index, version is a required property "
                            + "(for example version: [\">=1.0.0\", \"<2.0.0\"])", origin);
                }
                List<String> versions = new ArrayList<>();
                for (Object v : Yaml.asList(version)) {
                    if (v instanceof Map || v instanceof List || v == null) {
                        throw error("'version:' of " + name + " must be a version or a list of versions, got: " + version, origin);
                    }
                    String text = scalar(v);
                    try {
                        Semver.parseSpecifier(text);
                    } catch (IllegalArgumentException e) {
                        throw error("'version:' of " + name + ": " + e.getMessage(), origin);
                    }
                    versions.add(text);
                }
                Object prerelease = rendered.containsKey("install-prerelease") ? rendered.get("install-prerelease")
                        : rendered.get("install_prerelease");
                if (prerelease != null && !(prerelease instanceof Boolean)) {
                    throw error("'install-prerelease:' of " + name + " must be true or false, got: " + prerelease, origin);
                }
                return new PackageSpec.Hub(name, versions, Boolean.TRUE.equals(prerelease), origin, rendered);
            }
            default -> throw error("'" + kind + ":' packages are not supported by Slipway yet; use a git: entry or a local: copy of the package",
                    origin);
        }
    }

    /** A YAML scalar as dbt stringifies it ({@code 1.0} stays {@code 1.0}). */
    private static String scalar(Object value) {
        return String.valueOf(value);
    }

    private static void checkKeys(Map<String, Object> entry, Set<String> allowed, String kind, Origin origin) {
        for (String key : entry.keySet()) {
            if (!allowed.contains(key)) {
                throw error("unknown key '" + key + "' in a " + kind + " package entry; expected "
                        + String.join(", ", allowed.stream().filter(k -> !k.contains("_")).sorted().toList()), origin);
            }
        }
    }

    private static String requiredString(Map<String, Object> entry, String key, Origin origin) {
        Object v = entry.get(key);
        if (v == null || v instanceof Map || v instanceof List || v.toString().isBlank()) {
            throw error("'" + key + ":' must be a non-empty string, got: " + v, origin);
        }
        return v.toString();
    }

    private static String optionalString(Map<String, Object> entry, String key, Origin origin) {
        Object v = entry.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List || v.toString().isBlank()) {
            throw error("'" + key + ":' must be a non-empty string, got: " + v, origin);
        }
        return v.toString();
    }

    private static Object render(Object value, ValueRenderer renderer, Origin origin) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), render(v, renderer, origin)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(render(v, renderer, origin)));
            return out;
        }
        if (value instanceof String s && renderer != null && ValueRenderer.hasJinja(s)) {
            try {
                return renderer.render(s, "packages");
            } catch (SlipwayException e) {
                throw new SlipwayException(ErrorCode.PACKAGE_ERROR, e.getMessage(), origin.file(), origin.line(), e);
            }
        }
        return value;
    }

    /** The 1-based line of each item of the top-level {@code packages:} list. */
    private static List<Integer> entryLines(Path file) {
        List<Integer> lines = new ArrayList<>();
        try (JsonParser p = YAML.createParser(Files.readString(file, StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return lines;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("packages") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        lines.add(p.currentTokenLocation().getLineNr());
                        p.skipChildren();
                    }
                    return lines;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            // the file was parsed before; lines are only a help for messages
        }
        return lines;
    }

    static SlipwayException error(String message, Origin origin) {
        String where = origin.owner() == null ? "" : " (in the " + origin.file() + " of package " + origin.owner() + ")";
        return new SlipwayException(ErrorCode.PACKAGE_ERROR, message + where, origin.file(), origin.line());
    }
}

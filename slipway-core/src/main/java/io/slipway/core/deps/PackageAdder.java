package io.slipway.core.deps;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.project.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code deps --add-package name@version}: adds an entry to the file that holds the project's packages
 * (creating packages.yml if there is none), first removing entries for the same package as dbt does, and
 * rewrites the file (comments are not kept, as in dbt).
 */
final class PackageAdder {
    private PackageAdder() {
    }

    static void add(Path projectDir, String spec, String source, EventSink events) {
        if (!List.of("hub", "git", "local").contains(source)) {
            throw new SlipwayException(ErrorCode.USAGE, "--source must be hub, git or local, got '" + source + "'");
        }
        String name = spec;
        String version = null;
        int at = spec.lastIndexOf('@');
        if (at > 0 && !spec.substring(at + 1).contains("/") && !spec.substring(at + 1).contains(":")) {
            name = spec.substring(0, at);
            version = spec.substring(at + 1);
        }
        if (source.equals("hub") && (version == null || version.isBlank())) {
            throw new SlipwayException(ErrorCode.USAGE, "--add-package " + spec + " needs a version for a hub package, like --add-package "
                    + name + "@1.0.0 (or --source git / --source local)");
        }
        Path dependencies = projectDir.resolve(PackagesFile.DEPENDENCIES);
        Path file = projectDir.resolve(PackagesFile.PACKAGES);
        if (Files.isRegularFile(dependencies) && PackagesFile.readMapping(dependencies, PackagesFile.DEPENDENCIES, null).containsKey("packages")) {
            file = dependencies;
        }
        String display = file.getFileName().toString();
        Map<String, Object> content;
        if (Files.isRegularFile(file)) {
            content = new LinkedHashMap<>(PackagesFile.readMapping(file, display, null));
        } else {
            content = new LinkedHashMap<>();
            content.put("packages", new ArrayList<>());
            write(file, content);
            events.emit(Event.of(EventCode.Z003_MESSAGE, Level.INFO, "Created " + display, Map.of()));
        }
        List<Object> packages = new ArrayList<>(Yaml.asList(content.get("packages")));
        for (int i = packages.size() - 1; i >= 0; i--) {
            if (packages.get(i) instanceof Map<?, ?> entry && isSame(name, entry)) {
                packages.remove(i);
                events.emit(Event.of(EventCode.M033_DEPS_DUPLICATE_REMOVED, Level.INFO,
                        "Found duplicate package in " + display + ", removing: " + pythonRepr(entry), Map.of()));
            }
        }
        Map<String, Object> added = new LinkedHashMap<>();
        added.put(source.equals("hub") ? "package" : source, name);
        if (version != null && !version.isBlank() && !source.equals("local")) {
            Object v = version.contains(",") ? List.of(version.split(",")) : version;
            added.put(source.equals("git") ? "revision" : "version", v);
        }
        packages.add(added);
        content.put("packages", packages);
        write(file, content);
        events.emit(Event.of(EventCode.M032_DEPS_ADD_PACKAGE, Level.INFO,
                "Added new package " + name + "@" + (version == null ? "None" : version) + " to " + file, Map.of("package", name)));
    }

    /** dbt's match: a variant of the name (with - or _, with or without its namespace) bounded by start, end, / or . in the entry. */
    private static boolean isSame(String name, Map<?, ?> entry) {
        Object id = null;
        for (String key : List.of("package", "git", "local", "tarball", "private")) {
            if (entry.get(key) != null) {
                id = entry.get(key);
                break;
            }
        }
        if (id == null) {
            return false;
        }
        String identifier = id.toString();
        Set<String> variants = new LinkedHashSet<>(List.of(name, name.replace('_', '-'), name.replace('-', '_')));
        if (name.contains("/")) {
            String shortName = name.substring(name.lastIndexOf('/') + 1);
            variants.addAll(List.of(shortName, shortName.replace('_', '-'), shortName.replace('-', '_')));
        }
        for (String v : variants) {
            int idx = identifier.indexOf(v);
            if (idx < 0) {
                continue;
            }
            int end = idx + v.length();
            boolean startOk = idx == 0 || "/.".indexOf(identifier.charAt(idx - 1)) >= 0;
            boolean endOk = end == identifier.length() || "/.".indexOf(identifier.charAt(end)) >= 0;
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** A scalar-valued entry as Python prints a dict, which is how dbt logs the removed entry. */
    private static String pythonRepr(Map<?, ?> entry) {
        List<String> parts = new ArrayList<>();
        entry.forEach((k, v) -> {
            if (v instanceof String || (v instanceof Number)) {
                parts.add("'" + k + "': " + (v instanceof String s ? "'" + s + "'" : v));
            }
        });
        return "{" + String.join(", ", parts) + "}";
    }

    private static void write(Path file, Map<String, Object> content) {
        try {
            Files.writeString(file, YamlWriter.write(content), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "could not write " + file + ": " + e.getMessage());
        }
    }
}

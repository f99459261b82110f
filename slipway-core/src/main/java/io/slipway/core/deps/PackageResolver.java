package io.slipway.core.deps;

import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.project.ValueRenderer;
import io.slipway.core.project.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves packages as dbt does: breadth first from the project's own, each package's own packages.yml
 * adding the next round; entries for the same package (the same hub name, Git URL with or without
 * {@code .git}, or local path) are merged: hub version ranges intersect, a Git package takes its one
 * revision, a local package its first path. Then no two packages may share a project name, nor the root's.
 */
final class PackageResolver {
    static final String PIN_URL = "https://docs.getdbt.com/docs/package-management#section-specifying-package-versions";

    private final Path projectDir;
    private final String rootName;
    private final ValueRenderer renderer;
    private final GitCheckouts git;
    private final HubClient hub;
    private final EventSink events;
    private final Map<String, PinnedPackage> pinned = new HashMap<>();
    private final Set<String> warnedUnpinned = new HashSet<>();

    PackageResolver(Path projectDir, String rootName, ValueRenderer renderer, GitCheckouts git, HubClient hub, EventSink events) {
        this.projectDir = projectDir;
        this.rootName = rootName;
        this.renderer = renderer;
        this.git = git;
        this.hub = hub;
        this.events = events;
    }

    /** Every package the project needs, its own and theirs, in the order dbt installs them. */
    List<PinnedPackage> resolve(List<PackageSpec> root) {
        Map<String, List<PackageSpec>> listing = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<PackageSpec> pending = root;
        while (!pending.isEmpty()) {
            List<PackageSpec> next = new ArrayList<>();
            for (PackageSpec spec : pending) {
                String key = keyOf(listing, spec);
                // a package asked for again with the same entry adds nothing (and packages may depend on each other)
                if (!seen.add(key + "\n" + spec.getClass().getSimpleName() + "\n" + spec.rendered())) {
                    continue;
                }
                List<PackageSpec> specs = listing.computeIfAbsent(key, k -> new ArrayList<>());
                if (!specs.isEmpty() && specs.get(0).getClass() != spec.getClass()) {
                    throw PackagesFile.error("Cannot merge " + describe(spec) + " with " + describe(specs.get(0)) + " ("
                            + specs.get(0).origin().describe() + "): the same package is declared as different kinds; keep one entry",
                            spec.origin());
                }
                specs.add(spec);
                next.addAll(pin(specs, true).dependencies());
            }
            pending = next;
        }
        List<PinnedPackage> out = new ArrayList<>();
        Map<String, PinnedPackage> byName = new HashMap<>();
        for (List<PackageSpec> specs : listing.values()) {
            PinnedPackage p = pin(specs, true);
            Origin origin = specs.get(0).origin();
            if (p.projectName().equals(rootName)) {
                throw PackagesFile.error("Found a dependency with the same name as the root project \"" + rootName + "\" (" + p.displayName()
                        + "). Package names must be unique in a project. Please rename one of these packages.", origin);
            }
            PinnedPackage other = byName.putIfAbsent(p.projectName(), p);
            if (other != null) {
                throw PackagesFile.error("Found duplicate project \"" + p.projectName() + "\": both " + other.displayName() + " and "
                        + p.displayName() + " are a project of that name. This occurs when a dependency has the same project name as "
                        + "some other dependency; keep one of them", origin);
            }
            out.add(p);
        }
        return out;
    }

    /** The packages of a lock file, each pinned exactly as written (the lock already lists every package). */
    List<PinnedPackage> pinLocked(List<PackageSpec> locked) {
        List<PinnedPackage> out = new ArrayList<>();
        for (PackageSpec spec : locked) {
            out.add(pin(List.of(spec), false));
        }
        return out;
    }

    private PinnedPackage pin(List<PackageSpec> specs, boolean warnUnpinned) {
        PackageSpec first = specs.get(0);
        if (first instanceof PackageSpec.Local local) {
            return pinLocal(local);
        }
        if (first instanceof PackageSpec.Git g) {
            return pinGit(g, specs.stream().map(PackageSpec.Git.class::cast).toList(), warnUnpinned);
        }
        return pinHub((PackageSpec.Hub) first, specs.stream().map(PackageSpec.Hub.class::cast).toList());
    }

    private PinnedPackage pinLocal(PackageSpec.Local spec) {
        Path source = projectDir.resolve(spec.local()).normalize();
        String key = "local\n" + source + "\n" + spec.copy();
        PinnedPackage cached = pinned.get(key);
        if (cached != null) {
            return cached;
        }
        if (!Files.isDirectory(source)) {
            throw PackagesFile.error("local package '" + spec.local() + "' does not exist: no folder at " + source
                    + " (local: paths are relative to the root project). Fix the path, or install the package another way", spec.origin());
        }
        String name = projectName(source, spec.local(), spec.origin());
        PinnedPackage p = new PinnedPackage.Local(spec.local(), spec.copy(), source, name, dependencies(source, spec.local()));
        pinned.put(key, p);
        return p;
    }

    private PinnedPackage pinGit(PackageSpec.Git first, List<PackageSpec.Git> specs, boolean warnUnpinned) {
        Set<String> revisions = new LinkedHashSet<>();
        specs.forEach(s -> {
            if (s.revision() != null) {
                revisions.add(s.revision());
            }
        });
        if (revisions.size() > 1) {
            throw PackagesFile.error("git dependencies should contain exactly one version. " + first.git() + " is asked for at revisions "
                    + specs.stream().filter(s -> s.revision() != null).map(s -> s.revision() + " (" + s.origin().describe() + ")")
                    .collect(Collectors.joining(", "))
                    + ". Pin every entry for this repository to the same revision", specs.get(specs.size() - 1).origin());
        }
        String revision = revisions.isEmpty() ? "HEAD" : revisions.iterator().next();
        boolean warn = specs.stream().allMatch(PackageSpec.Git::warnUnpinned);
        if (warnUnpinned && warn && (revision.equals("HEAD") || revision.equals("main") || revision.equals("master"))
                && warnedUnpinned.add(first.git())) {
            String how = revision.equals("HEAD") ? "not pinned, using HEAD (default branch)" : "pinned to the \"" + revision + "\" branch";
            events.emit(Event.of(EventCode.M029_DEPS_UNPINNED, Level.WARN, "WARNING: The git package \"" + first.git() + "\" \n\tis " + how
                    + ".\n\tThis can introduce breaking changes into your project without warning!\n\nSee " + PIN_URL,
                    Map.of("git", first.git(), "revision", revision)));
        }
        GitCheckouts.Commit commit = git.resolve(first.git(), revision, first.origin());
        String key = "git\n" + first.git() + "\n" + commit.sha() + "\n" + first.subdirectory();
        PinnedPackage cached = pinned.get(key);
        if (cached != null) {
            return cached;
        }
        Path files = git.export(first.git(), commit.sha(), first.subdirectory(), first.origin());
        String display = first.subdirectory() == null ? first.git() : first.git() + "/" + first.subdirectory();
        String name = projectName(files, display, first.origin());
        PinnedPackage p = new PinnedPackage.Git(first.git(), first.gitAsWritten(), commit.sha(), first.subdirectory(), files, name,
                dependencies(files, display));
        pinned.put(key, p);
        return p;
    }

    private PinnedPackage pinHub(PackageSpec.Hub first, List<PackageSpec.Hub> specs) {
        String name = first.name();
        Origin origin = first.origin();
        HubClient.Listing listing;
        try {
            listing = hub.fetch(name);
        } catch (HubClient.HubException e) {
            if (e.notFound()) {
                throw PackagesFile.error("Package " + name + " was not found on the package hub: " + e.getMessage()
                        + ". Check the name (namespace/name, as the hub lists it), or use a git: entry or a local: copy of the package",
                        origin);
            }
            throw PackagesFile.error("Could not install " + name + " from the package hub: " + e.getMessage() + ". Slipway reads the hub ("
                    + HubClient.URL_VARIABLE + ", now " + hub.baseUrl() + ") to find the package's versions and Git repository. "
                    + "Check the network or point " + HubClient.URL_VARIABLE + " at a reachable hub, or replace the entry with a git: entry "
                    + "(git: <the package's repository URL>, revision: <a version tag>) or a local: copy of the package", origin);
        }
        Semver.Range range = Semver.Range.ANY;
        boolean prerelease = first.installPrerelease();
        for (PackageSpec.Hub spec : specs) {
            for (String v : spec.versions()) {
                prerelease |= Semver.namesPrerelease(v);
                Semver.Range next = range.intersect(Semver.parseSpecifier(v));
                if (next == null) {
                    throw PackagesFile.error("Version error for package " + name + ": no version satisfies every requirement:\n"
                            + specs.stream().map(s -> "  " + String.join(", ", s.versions()) + "  (" + s.origin().describe() + ")")
                            .collect(Collectors.joining("\n"))
                            + "\nChange the version: ranges so that they overlap", spec.origin());
                }
                range = next;
            }
        }
        Semver.Version dbt = Semver.parseVersion(ArtifactMetadata.DBT_VERSION);
        List<Semver.Version> installable = new ArrayList<>();
        Map<Semver.Version, String> keys = new HashMap<>();
        boolean anyCompatible = false;
        for (HubClient.Version v : listing.versions().values()) {
            Semver.Version parsed = Semver.parseVersion(v.version());
            if (parsed == null || !compatible(v, dbt)) {
                continue;
            }
            anyCompatible = true;
            if (prerelease || !parsed.isPrerelease()) {
                installable.add(parsed);
                keys.put(parsed, v.version());
            }
        }
        if (!anyCompatible) {
            throw PackagesFile.error("No compatible versions of " + name + " found for dbt-core version " + ArtifactMetadata.DBT_VERSION
                    + " (the versions the hub lists all require another dbt version); use a git: entry or a local: copy of the package", origin);
        }
        installable.sort(null);
        Semver.Version target = null;
        for (Semver.Version v : installable) {
            if (range.contains(v)) {
                target = v;
            }
        }
        if (target == null) {
            throw PackagesFile.error("Could not find a matching compatible version for package " + name + "\n  Requested range: " + range
                    + "\n  Compatible versions: " + installable.stream().map(keys::get).toList()
                    + "\nChange the version: of " + name + " to a range that includes one of these", origin);
        }
        String version = keys.get(target);
        String latest = installable.isEmpty() ? version : keys.get(installable.get(installable.size() - 1));
        String key = "hub\n" + name + "\n" + version;
        PinnedPackage cached = pinned.get(key);
        if (cached != null) {
            return cached;
        }
        HubClient.Version entry = listing.versions().get(version);
        if (entry.gitUrl() == null) {
            throw PackagesFile.error("The hub lists " + name + " version " + version + " but names no Git repository for it"
                    + (entry.tarball() == null ? "" : " (only the archive " + entry.tarball() + ")")
                    + "; Slipway installs hub packages from Git. Use a git: entry with the package's repository and the tag of version "
                    + version + ", or a local: copy of the package", origin);
        }
        Path files;
        try {
            GitCheckouts.Commit commit = git.resolve(entry.gitUrl(), entry.gitRef(), origin);
            files = git.export(entry.gitUrl(), commit.sha(), null, origin);
        } catch (SlipwayException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "Could not install " + name + " version " + version
                    + " from the Git repository the hub gives for it: " + e.getMessage()
                    + " Otherwise use a local: copy of the package", e.file(), e.line(), e);
        }
        // its own packages come from the packages.yml it was published with, which is what the hub's 'packages' list is made from
        PinnedPackage p = new PinnedPackage.Hub(name, version, latest, files, projectName(files, name, origin), dependencies(files, name));
        pinned.put(key, p);
        return p;
    }

    /** Whether Slipway's dbt version satisfies the version's {@code require_dbt_version} (unreadable requirements pass). */
    private static boolean compatible(HubClient.Version v, Semver.Version dbt) {
        Semver.Range range = Semver.Range.ANY;
        try {
            for (String r : v.requireDbtVersion()) {
                range = range.intersect(Semver.parseSpecifier(r));
                if (range == null) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return true;
        }
        return range.contains(dbt);
    }

    private List<PackageSpec> dependencies(Path files, String owner) {
        return PackagesFile.read(files, owner, renderer).packages();
    }

    private static String projectName(Path files, String display, Origin origin) {
        Path file = files.resolve(ProjectLoader.PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw PackagesFile.error("No dbt_project.yml found in package " + display + " (at " + files + "). Verify that each entry within "
                    + "packages.yml (and their transitive dependencies) is a dbt project with a dbt_project.yml", origin);
        }
        Object raw = Yaml.read(file, display + "/" + ProjectLoader.PROJECT_FILE);
        Object name = raw instanceof Map<?, ?> m ? m.get("name") : null;
        if (name == null || name.toString().isBlank()) {
            throw PackagesFile.error("the dbt_project.yml of package " + display + " has no 'name:'", origin);
        }
        return name.toString();
    }

    /** The listing key of an entry: an existing key among the entry's names, else its first name. */
    private static String keyOf(Map<String, List<PackageSpec>> listing, PackageSpec spec) {
        List<String> names = namesOf(spec);
        for (String n : names) {
            if (listing.containsKey(n)) {
                return n;
            }
        }
        return names.get(0);
    }

    private static List<String> namesOf(PackageSpec spec) {
        if (spec instanceof PackageSpec.Git g) {
            String other = g.git().endsWith(".git") ? g.git().substring(0, g.git().length() - 4) : g.git() + ".git";
            String sub = g.subdirectory() == null ? "" : "/" + g.subdirectory();
            return List.of(g.git() + sub, other + sub);
        }
        if (spec instanceof PackageSpec.Local l) {
            return List.of(l.local());
        }
        return List.of(((PackageSpec.Hub) spec).name());
    }

    private static String describe(PackageSpec spec) {
        if (spec instanceof PackageSpec.Git g) {
            return "git package " + g.git();
        }
        if (spec instanceof PackageSpec.Local l) {
            return "local package " + l.local();
        }
        return "hub package " + ((PackageSpec.Hub) spec).name();
    }
}

package io.slipway.core.deps;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.project.ProjectLoader;
import io.slipway.core.project.ValueRenderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code deps} as dbt 1.7+ runs it: (re)write package-lock.yml when it is missing, when packages.yml
 * changed since (its {@code sha1_hash}) or with {@code --upgrade}; then empty {@code packages-install-path}
 * and install every package of the lock file, printing what it installs as dbt does.
 */
public final class DepsRunner {
    /** dbt's variable for a downloads folder that is kept between runs. */
    static final String DOWNLOADS_VARIABLE = "DBT_DOWNLOADS_DIR";

    private final Path projectDir;
    private final Map<String, String> env;
    private final ValueRenderer renderer;
    private final EventSink events;
    private final DepsOptions options;

    /**
     * @param renderer renders Jinja in packages.yml and dbt_project.yml values ({@code env_var}, {@code var})
     */
    public DepsRunner(Path projectDir, Map<String, String> env, ValueRenderer renderer, EventSink events, DepsOptions options) {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.env = Map.copyOf(env);
        this.renderer = renderer;
        this.events = events;
        this.options = options;
    }

    /** Installs the packages; throws {@link SlipwayException} saying what failed, where and what to do. */
    public void run() {
        Map<String, Object> raw = ProjectLoader.readRaw(projectDir);
        Object rootName = raw.get("name");
        if (rootName == null || rootName.toString().isBlank()) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, ProjectLoader.PROJECT_FILE + " has no 'name:'; add it",
                    ProjectLoader.PROJECT_FILE, 0);
        }
        Path installDir = installDir(raw);
        if (options.addPackage() != null) {
            PackageAdder.add(projectDir, options.addPackage(), options.source(), events);
        }
        PackagesFile declared = PackagesFile.read(projectDir, null, renderer);
        if (declared.packages().isEmpty()) {
            emit(EventCode.M013_DEPS_NO_PACKAGES, "Warning: No packages were found in packages.yml");
            if (!options.lockOnly()) {
                recreate(installDir);
            }
            return;
        }
        Path lockPath = projectDir.resolve(LockFile.FILE);
        String hash = LockFile.hash(declared.packages());
        String downloadsSetting = env.get(DOWNLOADS_VARIABLE);
        Path downloads = null;
        try {
            downloads = downloadsSetting == null || downloadsSetting.isBlank() ? Files.createTempDirectory("slipway-deps-")
                    : Files.createDirectories(Path.of(downloadsSetting));
            try (GitCheckouts git = new GitCheckouts(downloads, projectDir)) {
                PackageResolver resolver = new PackageResolver(projectDir, rootName.toString(), renderer, git, HubClient.fromEnvironment(env),
                        events);
                if (options.upgrade() || !Files.isRegularFile(lockPath) || !hash.equals(LockFile.read(lockPath, renderer).sha1Hash())) {
                    List<PinnedPackage> resolved = resolver.resolve(declared.packages());
                    LockFile.write(lockPath, resolved, hash);
                    emit(EventCode.M031_DEPS_LOCK_UPDATING, "Updating lock file in file path: " + lockPath,
                            Map.of("lock_filepath", lockPath.toString()));
                }
                if (options.lockOnly()) {
                    return;
                }
                List<PinnedPackage> locked = resolver.pinLocked(LockFile.read(lockPath, renderer).packages());
                recreate(installDir);
                install(locked, installDir);
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "deps failed: " + e, null, 0, e);
        } finally {
            if (downloads != null && (downloadsSetting == null || downloadsSetting.isBlank())) {
                try {
                    FileTrees.delete(downloads);
                } catch (IOException ignored) {
                    // a leftover temporary folder is harmless
                }
            }
        }
    }

    private void install(List<PinnedPackage> packages, Path installDir) throws IOException {
        List<String> upgradable = new ArrayList<>();
        for (PinnedPackage p : packages) {
            emit(EventCode.M014_DEPS_INSTALLING, "Installing " + p.displayName(), Map.of("package_name", p.displayName()));
            Path dest = installDir.resolve(p.projectName());
            FileTrees.delete(dest);
            if (p instanceof PinnedPackage.Local local && !local.copy()) {
                link(p.files(), dest);
            } else if (p instanceof PinnedPackage.Local) {
                FileTrees.copy(p.files().toRealPath(), dest);
            } else {
                FileTrees.copy(p.files(), dest);
            }
            emit(EventCode.M015_DEPS_INSTALLED, "Installed from " + p.versionName(), Map.of("version_name", p.versionName()));
            if (p instanceof PinnedPackage.Hub hub) {
                if (!hub.latest().equals(hub.version())) {
                    upgradable.add(hub.name());
                    emit(EventCode.M016_DEPS_UPDATE_AVAILABLE, "Updated version available: " + hub.latest());
                } else {
                    emit(EventCode.M017_DEPS_UP_TO_DATE, "Up to date!");
                }
            }
            if (p instanceof PinnedPackage.Git g && g.subdirectory() != null) {
                emit(EventCode.M018_DEPS_SUBDIRECTORY, "and subdirectory " + g.subdirectory());
            }
        }
        if (!upgradable.isEmpty()) {
            emit(EventCode.Z003_MESSAGE, "");
            emit(EventCode.M019_DEPS_UPDATES_AVAILABLE, "Updates available for packages: "
                    + upgradable.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ", "[", "]"))
                    + "\nUpdate your versions in packages.yml, then run slipway deps");
        }
    }

    /** A local package is linked, as dbt does, so edits to it show at once; copied where links are not allowed. */
    private static void link(Path source, Path dest) throws IOException {
        try {
            Files.createSymbolicLink(dest, source.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException e) {
            FileTrees.copy(source.toRealPath(), dest);
        }
    }

    private Path installDir(Map<String, Object> raw) {
        Object setting = raw.getOrDefault("packages-install-path", "dbt_packages");
        String path = setting instanceof String s && ValueRenderer.hasJinja(s) ? String.valueOf(renderer.render(s, "packages-install-path"))
                : String.valueOf(setting);
        Path dir = projectDir.resolve(path).normalize();
        if (projectDir.startsWith(dir)) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "packages-install-path '" + path + "' is the project directory or one "
                    + "above it; deps empties that folder, so point it at a folder of its own such as dbt_packages", ProjectLoader.PROJECT_FILE, 0);
        }
        return dir;
    }

    private static void recreate(Path dir) {
        try {
            FileTrees.delete(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "could not empty " + dir + ": " + e.getMessage() + "; check its permissions");
        }
    }

    private void emit(EventCode code, String message) {
        emit(code, message, Map.of());
    }

    private void emit(EventCode code, String message, Map<String, Object> data) {
        events.emit(Event.of(code, Level.INFO, message, data));
    }
}

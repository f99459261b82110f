package io.slipway.core.deps;

import io.slipway.core.project.Frozen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A package resolved to exactly what gets installed: a local folder, a Git commit, or a hub version (itself
 * a commit of the repository the hub names). Its files are ready in {@link #files()}.
 */
sealed interface PinnedPackage permits PinnedPackage.Local, PinnedPackage.Git, PinnedPackage.Hub {
    /** The project name in the package's dbt_project.yml: the folder it is installed into. */
    String projectName();

    /** The package as dbt names it on the console ({@code dbt-labs/dbt_utils}, the Git URL, the local path). */
    String displayName();

    /** What {@code Installed from ...} says. */
    String versionName();

    /** Where the package's files are. */
    Path files();

    /** The packages it declares itself. */
    List<PackageSpec> dependencies();

    /** Its entry in package-lock.yml. */
    Map<String, Object> lockEntry();

    /** @param copy whether to copy the files ({@code install_mode: deepcopy}) instead of linking to them */
    record Local(String local, boolean copy, Path files, String projectName, List<PackageSpec> dependencies) implements PinnedPackage {
        public Local {
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public String displayName() {
            return local;
        }

        @Override
        public String versionName() {
            return "<local @ " + local + ">";
        }

        @Override
        public Map<String, Object> lockEntry() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (copy) {
                m.put("install_mode", "deepcopy");
            }
            m.put("local", local);
            m.put("name", projectName);
            return Frozen.map(m);
        }
    }

    /** @param gitAsWritten the URL before rendering, which is what the lock file keeps */
    record Git(String git, String gitAsWritten, String sha, String subdirectory, Path files, String projectName,
               List<PackageSpec> dependencies) implements PinnedPackage {
        public Git {
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public String displayName() {
            return subdirectory == null ? git : git + "/" + subdirectory;
        }

        @Override
        public String versionName() {
            return "revision " + sha;
        }

        @Override
        public Map<String, Object> lockEntry() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("git", gitAsWritten);
            m.put("name", projectName);
            m.put("revision", sha);
            if (subdirectory != null) {
                m.put("subdirectory", subdirectory);
            }
            return Frozen.map(m);
        }
    }

    /** @param latest the newest version the hub offers that could be installed */
    record Hub(String name, String version, String latest, Path files, String projectName, List<PackageSpec> dependencies)
            implements PinnedPackage {
        public Hub {
            dependencies = List.copyOf(dependencies);
        }

        @Override
        public String displayName() {
            return name;
        }

        @Override
        public String versionName() {
            return "version " + version;
        }

        @Override
        public Map<String, Object> lockEntry() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", projectName);
            m.put("package", name);
            m.put("version", version);
            return Frozen.map(m);
        }
    }
}

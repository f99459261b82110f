package io.slipway.core.deps;

import io.slipway.core.project.Frozen;

import java.util.List;
import java.util.Map;

/** One entry of packages.yml, dependencies.yml or package-lock.yml, rendered and checked. */
public sealed interface PackageSpec permits PackageSpec.Local, PackageSpec.Git, PackageSpec.Hub {
    Origin origin();

    /** The entry as rendered, as dbt hashes it for the lock file. */
    Map<String, Object> rendered();

    /**
     * {@code local: ../path}: a package on disk, relative to the root project.
     *
     * @param copy {@code install_mode: deepcopy}: copy the files instead of linking to them
     */
    record Local(String local, boolean copy, Origin origin, Map<String, Object> rendered) implements PackageSpec {
        public Local {
            rendered = Frozen.map(rendered);
        }
    }

    /**
     * {@code git: url}.
     *
     * @param gitAsWritten the URL before rendering (written to the lock file, so secrets in env vars stay out)
     * @param revision     a branch, tag or full commit sha; null for the default branch
     */
    record Git(String git, String gitAsWritten, String revision, boolean warnUnpinned, String subdirectory, Origin origin,
               Map<String, Object> rendered) implements PackageSpec {
        public Git {
            rendered = Frozen.map(rendered);
        }
    }

    /** {@code package: namespace/name} with version specifiers, from the package hub. */
    record Hub(String name, List<String> versions, boolean installPrerelease, Origin origin, Map<String, Object> rendered)
            implements PackageSpec {
        public Hub {
            versions = List.copyOf(versions);
            rendered = Frozen.map(rendered);
        }
    }
}

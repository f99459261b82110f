/**
 * {@code deps}: installs a project's packages as dbt does. {@link io.slipway.core.deps.PackagesFile} reads
 * {@code packages.yml} or {@code dependencies.yml}; {@link io.slipway.core.deps.PackageResolver} resolves
 * local, Git (through JGit) and hub packages and their own packages, breadth first, merging duplicates;
 * {@link io.slipway.core.deps.LockFile} writes and reads {@code package-lock.yml}; and
 * {@link io.slipway.core.deps.DepsRunner} ties them together and installs into {@code packages-install-path}.
 * Hub packages are installed from the Git repository the hub names, so nothing but Git and the hub's JSON
 * API is needed.
 */
package io.slipway.core.deps;

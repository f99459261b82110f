package io.slipway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code slipway deps} end to end: real Git repositories made with JGit, local packages, a package hub played
 * on loopback, package-lock.yml, and a project that builds with its packages' macros after {@code deps}.
 */
class DepsCommandTest {
    @TempDir
    Path temp;

    // ---------------------------------------------------------------- git packages

    @Test
    void installsGitPackagesAtATagABranchACommitAndTheDefaultBranch() throws Exception {
        String tagged;
        String branchTip;
        String pinned;
        String head;
        try (GitRepo tag = GitRepo.init(temp.resolve("repos/tagged"));
             GitRepo branch = GitRepo.init(temp.resolve("repos/branchy"));
             GitRepo sha = GitRepo.init(temp.resolve("repos/pinned"));
             GitRepo def = GitRepo.init(temp.resolve("repos/unpinned"));
             GitRepo mono = GitRepo.init(temp.resolve("repos/mono"))) {
            tagged = tag.project("tagged_pkg").write("macros/m.sql", macro("tagged_value", "'release'")).commit("release");
            tag.tag("1.0.0").write("macros/m.sql", macro("tagged_value", "'after release'")).commit("work after the release");

            branch.project("branch_pkg").write("macros/m.sql", macro("branch_value", "'main'")).commit("main");
            branchTip = branch.branch("dev").write("macros/m.sql", macro("branch_value", "'dev'")).commit("dev work");
            branch.checkout("main");

            pinned = sha.project("sha_pkg").write("macros/m.sql", macro("sha_value", "'first'")).commit("first");
            sha.write("macros/m.sql", macro("sha_value", "'second'")).commit("second");

            head = def.project("head_pkg").write("macros/m.sql", macro("head_value", "'head'")).commit("only");

            mono.write("README.md", "a monorepo\n").write("packages/sub_pkg/dbt_project.yml", "name: sub_pkg\nversion: '1.0'\nconfig-version: 2\n")
                    .write("packages/sub_pkg/macros/s.sql", macro("sub_value", "'sub'")).commit("monorepo");
            mono.tag("v1");

            Path project = project("packages:\n"
                    + "  - git: " + tag.url() + "\n    revision: 1.0.0\n"
                    + "  - git: " + branch.url() + "\n    revision: dev\n"
                    + "  - git: " + sha.url() + "\n    revision: " + pinned + "\n"
                    + "  - git: " + def.url() + "\n"
                    + "  - git: " + mono.url() + "\n    revision: v1\n    subdirectory: packages/sub_pkg\n");
            CliRunner.Result result = deps(project);

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(lines(result.out())).containsSubsequence(
                    "WARNING: The git package \"" + def.url() + "\" ",
                    "Updating lock file in file path: " + project.resolve("package-lock.yml"),
                    "Installing " + tag.url(), "Installed from revision " + tagged,
                    "Installing " + branch.url(), "Installed from revision " + branchTip,
                    "Installing " + sha.url(), "Installed from revision " + pinned,
                    "Installing " + def.url(), "Installed from revision " + head,
                    "Installing " + mono.url() + "/packages/sub_pkg", "and subdirectory packages/sub_pkg");
            assertThat(result.out()).contains("is not pinned, using HEAD (default branch).",
                    "This can introduce breaking changes into your project without warning!");

            Path installed = project.resolve("dbt_packages");
            assertThat(read(installed.resolve("tagged_pkg/macros/m.sql"))).contains("'release'").doesNotContain("after");
            assertThat(read(installed.resolve("branch_pkg/macros/m.sql"))).contains("'dev'");
            assertThat(read(installed.resolve("sha_pkg/macros/m.sql"))).contains("'first'");
            assertThat(read(installed.resolve("head_pkg/macros/m.sql"))).contains("'head'");
            assertThat(read(installed.resolve("sub_pkg/macros/s.sql"))).contains("'sub'");
            assertThat(installed.resolve("sub_pkg/README.md")).doesNotExist();
            assertThat(installed.resolve("tagged_pkg/.git")).doesNotExist();

            assertThat(read(project.resolve("package-lock.yml"))).startsWith("packages:\n"
                    + "  - git: " + tag.url() + "\n    name: tagged_pkg\n    revision: " + tagged + "\n"
                    + "  - git: " + branch.url() + "\n    name: branch_pkg\n    revision: " + branchTip + "\n"
                    + "  - git: " + sha.url() + "\n    name: sha_pkg\n    revision: " + pinned + "\n"
                    + "  - git: " + def.url() + "\n    name: head_pkg\n    revision: " + head + "\n"
                    + "  - git: " + mono.url() + "\n    name: sub_pkg\n    revision: " + mono.commitOf("v1") + "\n"
                    + "    subdirectory: packages/sub_pkg\n"
                    + "sha1_hash: ").matches("(?s).*sha1_hash: [0-9a-f]{40}\n");
        }
    }

    @Test
    void localPackagesAreLinkedAndTheirOwnPackagesInstalledOnce() throws Exception {
        try (GitRepo inner = GitRepo.init(temp.resolve("repos/inner")); GitRepo deep = GitRepo.init(temp.resolve("repos/deep"))) {
            String innerSha = inner.project("inner_pkg").write("macros/i.sql", macro("inner_value", "1")).commit("inner");
            inner.tag("1.0.0");
            String deepSha = deep.project("deep_pkg").write("macros/d.sql", macro("deep_value", "2")).commit("deep");
            deep.tag("0.1.0");
            Path local = temp.resolve("local_pkg");
            write(local, "dbt_project.yml", "name: local_pkg\nversion: '1.0'\nconfig-version: 2\n");
            write(local, "macros/l.sql", macro("local_value", "3"));
            // the same repository as the root's, spelled with .git: one package, not two
            write(local, "packages.yml", "packages:\n  - git: " + inner.url() + ".git\n    revision: 1.0.0\n"
                    + "  - git: " + deep.url() + "\n    revision: 0.1.0\n");
            Path copied = temp.resolve("copied_pkg");
            write(copied, "dbt_project.yml", "name: copied_pkg\nversion: '1.0'\nconfig-version: 2\n");
            Path project = project("packages:\n  - local: ../local_pkg\n  - git: " + inner.url() + "\n    revision: 1.0.0\n"
                    + "  - local: ../copied_pkg\n    install_mode: deepcopy\n");

            CliRunner.Result result = deps(project);

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(lines(result.out())).containsSubsequence("Installing ../local_pkg", "Installed from <local @ ../local_pkg>",
                    "Installing " + inner.url(), "Installed from revision " + innerSha,
                    "Installing " + deep.url(), "Installed from revision " + deepSha);
            assertThat(result.out()).containsOnlyOnce("Installing " + inner.url());
            Path linked = project.resolve("dbt_packages/local_pkg");
            assertThat(Files.isSymbolicLink(linked)).isTrue();
            assertThat(linked.toRealPath()).isEqualTo(local.toRealPath());
            assertThat(project.resolve("dbt_packages/inner_pkg/macros/i.sql")).exists();
            assertThat(Files.isSymbolicLink(project.resolve("dbt_packages/copied_pkg"))).isFalse();
            assertThat(project.resolve("dbt_packages/copied_pkg/dbt_project.yml")).exists();
            assertThat(project.resolve("dbt_packages/deep_pkg/macros/d.sql")).exists();
            assertThat(read(project.resolve("package-lock.yml"))).startsWith("packages:\n"
                    + "  - local: ../local_pkg\n    name: local_pkg\n"
                    + "  - git: " + inner.url() + "\n    name: inner_pkg\n    revision: " + innerSha + "\n"
                    + "  - install_mode: deepcopy\n    local: ../copied_pkg\n    name: copied_pkg\n"
                    + "  - git: " + deep.url() + "\n    name: deep_pkg\n    revision: " + deepSha + "\n");
            // the source folder is untouched when deps runs again and replaces the link
            assertThat(deps(project).exitCode()).isZero();
            assertThat(local.resolve("macros/l.sql")).exists();
        }
    }

    @Test
    void conflictingRevisionsOfOneRepositoryAreReported() throws Exception {
        try (GitRepo inner = GitRepo.init(temp.resolve("repos/inner"))) {
            inner.project("inner_pkg").commit("inner");
            inner.tag("1.0.0");
            Path local = temp.resolve("local_pkg");
            write(local, "dbt_project.yml", "name: local_pkg\nversion: '1.0'\nconfig-version: 2\n");
            write(local, "packages.yml", "packages:\n  - git: " + inner.url() + "\n    revision: main\n");
            Path project = project("packages:\n  - git: " + inner.url() + "\n    revision: 1.0.0\n  - local: ../local_pkg\n");

            CliRunner.Result result = deps(project);

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("git dependencies should contain exactly one version. " + inner.url()
                            + " is asked for at revisions 1.0.0 (packages.yml line 2), main (packages.yml line 2 (package ../local_pkg))",
                    "Pin every entry for this repository to the same revision");
            assertThat(project.resolve("package-lock.yml")).doesNotExist();
        }
    }

    @Test
    void theLockFileIsHonouredUntilUpgradeOrAChangedPackagesYml() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/moving"))) {
            String first = repo.project("moving_pkg").write("macros/m.sql", macro("moving_value", "'first'")).commit("first");
            Path project = project("packages:\n  - git: " + repo.url() + "\n    revision: main\n");

            CliRunner.Result locked = deps(project);
            assertThat(locked.exitCode()).as(locked.all()).isZero();
            assertThat(locked.out()).contains("Updating lock file", "is pinned to the \"main\" branch.", "Installed from revision " + first);
            String lock = read(project.resolve("package-lock.yml"));

            String second = repo.write("macros/m.sql", macro("moving_value", "'second'")).commit("second");
            deleteTree(project.resolve("dbt_packages"));
            CliRunner.Result again = deps(project);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).doesNotContain("Updating lock file").doesNotContain("WARNING").contains("Installed from revision " + first);
            assertThat(read(project.resolve("dbt_packages/moving_pkg/macros/m.sql"))).contains("'first'");
            assertThat(read(project.resolve("package-lock.yml"))).isEqualTo(lock);

            CliRunner.Result upgraded = deps(project, "--upgrade");
            assertThat(upgraded.exitCode()).as(upgraded.all()).isZero();
            assertThat(upgraded.out()).contains("Updating lock file", "Installed from revision " + second);
            assertThat(read(project.resolve("dbt_packages/moving_pkg/macros/m.sql"))).contains("'second'");
            assertThat(read(project.resolve("package-lock.yml"))).contains("revision: " + second).doesNotContain(first);

            // editing packages.yml changes its hash: the lock is made again without --upgrade
            Files.writeString(project.resolve("packages.yml"), "packages:\n  - git: " + repo.url() + "\n    revision: " + first + "\n");
            CliRunner.Result edited = deps(project);
            assertThat(edited.out()).contains("Updating lock file", "Installed from revision " + first);
            String relocked = read(project.resolve("package-lock.yml"));
            assertThat(relocked).contains("revision: " + first).isNotEqualTo(lock);

            // --lock writes the lock and installs nothing
            deleteTree(project.resolve("dbt_packages"));
            Files.delete(project.resolve("package-lock.yml"));
            CliRunner.Result lockOnly = deps(project, "--lock");
            assertThat(lockOnly.out()).contains("Updating lock file").doesNotContain("Installing");
            assertThat(read(project.resolve("package-lock.yml"))).isEqualTo(relocked);
            assertThat(project.resolve("dbt_packages")).doesNotExist();
        }
    }

    // ---------------------------------------------------------------- hub packages

    @Test
    void hubPackagesInstallTheHighestMatchingCompatibleVersionFromTheRepositoryTheHubNames() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/hub_pkg")); FakeHub hub = FakeHub.start()) {
            repo.project("hub_pkg");
            for (String v : List.of("1.0.0", "1.2.0", "1.3.0", "2.0.0")) {
                repo.write("macros/h.sql", macro("hub_version", "'" + v + "'")).commit("version " + v);
                repo.tag(v);
            }
            // 1.3.0 needs a dbt Slipway is not compatible with, so 1.2.0 is the highest that can be installed below 2.0.0
            hub.publish("test-ns/hub_pkg", "hub_pkg", repo.url(), List.of("1.0.0", "1.2.0", "1.3.0", "2.0.0"),
                    Map.of("1.3.0", "\">=3.0.0\""));
            Path project = project("packages:\n  - package: test-ns/hub_pkg\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");

            CliRunner.Result result = runner().env("DBT_PACKAGE_HUB_URL", hub.url()).run(project, "deps", "--project-dir", project.toString());

            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(lines(result.out())).containsSubsequence("Installing test-ns/hub_pkg", "Installed from version 1.2.0",
                    "Updated version available: 2.0.0", "", "Updates available for packages: ['test-ns/hub_pkg']",
                    "Update your versions in packages.yml, then run slipway deps");
            assertThat(read(project.resolve("dbt_packages/hub_pkg/macros/h.sql"))).contains("'1.2.0'");
            assertThat(read(project.resolve("package-lock.yml")))
                    .startsWith("packages:\n  - name: hub_pkg\n    package: test-ns/hub_pkg\n    version: 1.2.0\nsha1_hash: ");
            assertThat(hub.requests()).contains("/api/v1/test-ns/hub_pkg.json");

            // pinned to the newest version: up to date
            Files.writeString(project.resolve("packages.yml"), "packages:\n  - package: test-ns/hub_pkg\n    version: 2.0.0\n");
            CliRunner.Result latest = runner().env("DBT_PACKAGE_HUB_URL", hub.url()).run(project, "deps", "--project-dir", project.toString());
            assertThat(lines(latest.out())).containsSubsequence("Installed from version 2.0.0", "Up to date!");
            assertThat(latest.out()).doesNotContain("Updates available");
        }
    }

    @Test
    void incompatibleHubVersionRangesNameEveryRequirement() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/hub_pkg")); FakeHub hub = FakeHub.start()) {
            repo.project("hub_pkg").commit("one");
            repo.tag("1.0.0");
            hub.publish("test-ns/hub_pkg", "hub_pkg", repo.url(), List.of("1.0.0"), Map.of());
            Path local = temp.resolve("needs_new");
            write(local, "dbt_project.yml", "name: needs_new\nversion: '1.0'\nconfig-version: 2\n");
            write(local, "packages.yml", "packages:\n  - package: test-ns/hub_pkg\n    version: \">=2.0.0\"\n");
            Path project = project("packages:\n  - package: test-ns/hub_pkg\n    version: [\">=1.0.0\", \"<2.0.0\"]\n  - local: ../needs_new\n");

            CliRunner.Result result = runner().env("DBT_PACKAGE_HUB_URL", hub.url()).run(project, "deps", "--project-dir", project.toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("Version error for package test-ns/hub_pkg: no version satisfies every requirement:",
                    "  >=1.0.0, <2.0.0  (packages.yml line 2)", "  >=2.0.0  (packages.yml line 2 (package ../needs_new))",
                    "Change the version: ranges so that they overlap");
        }
    }

    @Test
    void anUnreachableHubSaysWhatWasTriedAndWhatToDo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path project = project("packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n");

        CliRunner.Result result = runner().env("DBT_PACKAGE_HUB_URL", "http://127.0.0.1:" + port + "/")
                .run(project, "deps", "--project-dir", project.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("Could not install dbt-labs/dbt_utils from the package hub: GET http://127.0.0.1:" + port
                        + "/api/v1/dbt-labs/dbt_utils.json failed",
                "DBT_PACKAGE_HUB_URL, now http://127.0.0.1:" + port + "/",
                "replace the entry with a git: entry (git: <the package's repository URL>, revision: <a version tag>) or a local: copy",
                "in packages.yml, line 2");
        assertThat(project.resolve("package-lock.yml")).doesNotExist();
    }

    @Test
    void aPackageTheHubDoesNotKnowIsNamed() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            Path project = project("packages:\n  - package: test-ns/missing\n    version: 1.0.0\n");
            CliRunner.Result result = runner().env("DBT_PACKAGE_HUB_URL", hub.url()).run(project, "deps", "--project-dir", project.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("Package test-ns/missing was not found on the package hub", "answered 404",
                    "use a git: entry or a local: copy");
        }
    }

    @Test
    void aHubVersionWhoseRepositoryCannotBeClonedSaysSo() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            String gone = temp.resolve("repos/gone").toUri().toString();
            hub.publish("test-ns/gone", "gone", gone.substring(0, gone.length() - 1), List.of("1.0.0"), Map.of());
            Path project = project("packages:\n  - package: test-ns/gone\n    version: 1.0.0\n");
            CliRunner.Result result = runner().env("DBT_PACKAGE_HUB_URL", hub.url()).run(project, "deps", "--project-dir", project.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("Could not install test-ns/gone version 1.0.0 from the Git repository the hub gives for it: "
                    + "could not clone " + gone.substring(0, gone.length() - 1), "Otherwise use a local: copy of the package", "in packages.yml, line 2");
        }
    }

    // ---------------------------------------------------------------- errors

    @Test
    void aMissingLocalPathIsReportedWithItsLine() throws IOException {
        Path project = project("packages:\n  - local: ../elsewhere\n");
        CliRunner.Result result = deps(project);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("local package '../elsewhere' does not exist: no folder at " + temp.resolve("elsewhere"),
                "in packages.yml, line 2");
    }

    @Test
    void anUnknownRevisionListsWhatTheRepositoryHas() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/pkg"))) {
            repo.project("pkg").commit("one");
            repo.tag("1.0.0");
            Path project = project("packages:\n  - git: " + repo.url() + "\n    revision: 1.0.1\n");
            CliRunner.Result result = deps(project);
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.out()).contains("revision '1.0.1' was not found in " + repo.url()
                    + ": it is not a tag, a branch or a full 40-character commit sha there (tags: 1.0.0; branches: main)", "in packages.yml, line 2");
        }
    }

    @Test
    void malformedPackagesFilesNameTheFileAndLine() throws IOException {
        Path project = project("packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n  - package: dbt-labs/codegen\n");
        CliRunner.Result missingVersion = deps(project);
        assertThat(missingVersion.exitCode()).isEqualTo(2);
        assertThat(missingVersion.out()).contains("dbt-labs/codegen is missing the version", "in packages.yml, line 4");

        Files.writeString(project.resolve("packages.yml"), "packages:\n  - git: https://example.invalid/x.git\n    revison: 1.0.0\n");
        assertThat(deps(project).out()).contains("unknown key 'revison' in a git package entry; expected git, name, revision, subdirectory, "
                + "warn-unpinned", "in packages.yml, line 2");

        Files.writeString(project.resolve("packages.yml"), "packages:\n  - package: dbt-labs/dbt_utils\n    version: [1.0\n");
        CliRunner.Result badYaml = deps(project);
        assertThat(badYaml.exitCode()).isEqualTo(2);
        assertThat(badYaml.out()).contains("invalid YAML in packages.yml at line", "in packages.yml, line ");

        Files.writeString(project.resolve("packages.yml"), "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.0\n");
        assertThat(deps(project).out()).contains("'version:' of dbt-labs/dbt_utils: Invalid version string: '1.0'", "in packages.yml, line 2");

        Files.writeString(project.resolve("dependencies.yml"), "packages:\n  - package: dbt-labs/dbt_utils\n    version: 1.1.1\n");
        assertThat(deps(project).out()).contains("The 'packages' key cannot be specified in both packages.yml and dependencies.yml");
    }

    // ---------------------------------------------------------------- files and flags

    @Test
    void dependenciesYmlHoldsPackagesWhenPackagesYmlDoesNot() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/pkg"))) {
            repo.project("dep_pkg").commit("one");
            repo.tag("1.0.0");
            Path project = project(null);
            write(project, "dependencies.yml", "packages:\n  - git: " + repo.url() + "\n    revision: 1.0.0\n");
            CliRunner.Result result = deps(project);
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(project.resolve("dbt_packages/dep_pkg/dbt_project.yml")).exists();
        }
    }

    @Test
    void noPackagesLeavesAnEmptyInstallFolder() throws IOException {
        Path project = project(null);
        Files.createDirectories(project.resolve("dbt_packages/stale_pkg"));
        CliRunner.Result result = deps(project);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Warning: No packages were found in packages.yml");
        assertThat(project.resolve("dbt_packages")).isEmptyDirectory();
    }

    @Test
    void addPackageWritesTheEntryAndInstallsIt() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/added"))) {
            repo.project("added_pkg").commit("one");
            repo.tag("1.0.0").tag("1.1.0");
            Path project = project(null);

            CliRunner.Result result = deps(project, "--add-package", repo.url() + "@1.0.0", "--source", "git");
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(lines(result.out())).containsSubsequence("Created packages.yml",
                    "Added new package " + repo.url() + "@1.0.0 to " + project.resolve("packages.yml"), "Updating lock file in file path: "
                            + project.resolve("package-lock.yml"), "Installing " + repo.url());
            assertThat(read(project.resolve("packages.yml"))).isEqualTo("packages:\n  - git: " + repo.url() + "\n    revision: 1.0.0\n");

            CliRunner.Result again = deps(project, "--add-package", repo.url() + "@1.1.0", "--source", "git");
            assertThat(again.out()).contains("Found duplicate package in packages.yml, removing: {'git': '" + repo.url() + "', 'revision': '1.0.0'}");
            assertThat(read(project.resolve("packages.yml"))).isEqualTo("packages:\n  - git: " + repo.url() + "\n    revision: 1.1.0\n");
            assertThat(deps(project, "--add-package", "dbt-labs/dbt_utils").out()).contains("needs a version for a hub package");
        }
    }

    // ---------------------------------------------------------------- a project using its packages

    @Test
    void aProjectBuildsWithItsPackagesMacrosModelsAndDispatchOverride() throws Exception {
        try (GitRepo repo = GitRepo.init(temp.resolve("repos/my_pkg"))) {
            repo.project("my_pkg")
                    .write("macros/helpers.sql", "{% macro some_macro() %}{{ return(40 + 2) }}{% endmacro %}\n\n"
                            + "{% macro greeting() %}{{ return(adapter.dispatch('greeting', 'my_pkg')()) }}{% endmacro %}\n\n"
                            + "{% macro default__greeting() %}'hello from my_pkg'{% endmacro %}\n")
                    .write("models/pkg_numbers.sql", "select 1 as n union all select 2 as n\n")
                    .commit("my_pkg");
            repo.tag("0.1.0");
            Path project = project("packages:\n  - git: " + repo.url() + "\n    revision: 0.1.0\n");
            Files.writeString(project.resolve("dbt_project.yml"), "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n"
                    + "dispatch:\n  - macro_namespace: my_pkg\n    search_order: ['proj', 'my_pkg']\n"
                    + "models:\n  proj:\n    +materialized: table\n");
            write(project, "macros/overrides.sql", "{% macro default__greeting() %}'hello from proj'{% endmacro %}\n");
            write(project, "models/answers.sql", "select {{ my_pkg.some_macro() }} as answer, {{ my_pkg.greeting() }} as greeting, "
                    + "(select sum(n) from {{ ref('my_pkg', 'pkg_numbers') }}) as total\n");

            CliRunner.Result before = runner().run(project, "build", "--project-dir", project.toString());
            assertThat(before.exitCode()).as("no packages yet: " + before.all()).isNotZero();

            CliRunner.Result installed = deps(project);
            assertThat(installed.exitCode()).as(installed.all()).isZero();
            CliRunner.Result build = runner().run(project, "build", "--project-dir", project.toString());

            assertThat(build.exitCode()).as(build.all()).isZero();
            assertThat(build.out()).contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("target/proj.duckdb"));
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select answer, greeting, total from main.answers")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
                assertThat(rs.getString(2)).isEqualTo("hello from proj");
                assertThat(rs.getInt(3)).isEqualTo(3);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private CliRunner runner() {
        return new CliRunner(temp.resolve("home"));
    }

    private CliRunner.Result deps(Path project, String... flags) {
        List<String> args = new ArrayList<>(List.of("deps", "--project-dir", project.toString()));
        args.addAll(List.of(flags));
        return runner().run(project, args.toArray(String[]::new));
    }

    private Path project(String packagesYml) throws IOException {
        Path dir = temp.resolve("proj");
        write(dir, "dbt_project.yml", "name: proj\nversion: '1.0'\nconfig-version: 2\nprofile: proj\n");
        write(dir, "profiles.yml", "proj:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/proj.duckdb\n"
                + "      schema: main\n      threads: 1\n");
        if (packagesYml != null) {
            write(dir, "packages.yml", packagesYml);
        }
        return dir;
    }

    private static String macro(String name, String value) {
        return "{% macro " + name + "() %}{{ return(" + value + ") }}{% endmacro %}\n";
    }

    private static void write(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Console lines without their time prefix. */
    private static List<String> lines(String out) {
        return out.lines().map(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d  .*") ? l.substring(10) : l.matches("^\\d\\d:\\d\\d:\\d\\d {0,2}$") ? "" : l)
                .toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

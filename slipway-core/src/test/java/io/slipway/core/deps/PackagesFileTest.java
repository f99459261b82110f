package io.slipway.core.deps;

import io.slipway.core.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackagesFileTest {
    @TempDir
    Path dir;

    @Test
    void dependenciesYmlWinsWhenItHasPackagesAndPackagesYmlOtherwise() throws IOException {
        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - local: ../a\n");
        assertThat(PackagesFile.read(dir, null, null).fileName()).isEqualTo("packages.yml");

        Files.writeString(dir.resolve("dependencies.yml"), "projects:\n  - name: upstream\n");
        assertThat(PackagesFile.read(dir, null, null).packages()).singleElement().isInstanceOf(PackageSpec.Local.class);

        Files.delete(dir.resolve("packages.yml"));
        Files.writeString(dir.resolve("dependencies.yml"), "projects:\n  - name: upstream\npackages:\n  - git: https://example.invalid/x.git\n");
        PackagesFile file = PackagesFile.read(dir, null, null);
        assertThat(file.fileName()).isEqualTo("dependencies.yml");
        assertThat(file.packages()).singleElement().isInstanceOfSatisfying(PackageSpec.Git.class, g -> {
            assertThat(g.revision()).isNull();
            assertThat(g.warnUnpinned()).isTrue();
            assertThat(g.origin()).isEqualTo(new Origin("dependencies.yml", 4, null));
        });

        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - local: ../a\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, null, null))
                .hasMessageContaining("The 'packages' key cannot be specified in both packages.yml and dependencies.yml");
    }

    @Test
    void valuesAreRenderedAndEntriesChecked() throws IOException {
        Files.writeString(dir.resolve("packages.yml"), "packages:\n"
                + "  - package: dbt-labs/dbt_utils\n    version: \"{{ 'x' }}\"\n");
        assertThat(PackagesFile.read(dir, null, (value, key) -> "1.1.1").packages()).singleElement()
                .isInstanceOfSatisfying(PackageSpec.Hub.class, h -> assertThat(h.versions()).containsExactly("1.1.1"));

        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - local: ../a\n\n  - git: x\n    package: y/z\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, null, null)).isInstanceOfSatisfying(SlipwayException.class, e -> {
            assertThat(e.getMessage()).contains("a package entry has both 'git:' and 'package:'");
            assertThat(e.file()).isEqualTo("packages.yml");
            assertThat(e.line()).isEqualTo(4);
        });

        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - package: dbt_utils\n    version: 1.0.0\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, "some_pkg", null))
                .hasMessageContaining("dbt_utils was not found in the package index. Packages on the index require a namespace")
                .hasMessageContaining("(in the packages.yml of package some_pkg)");

        Files.writeString(dir.resolve("packages.yml"), "packages:\n  - tarball: https://example.invalid/x.tar.gz\n    name: x\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, null, null)).hasMessageContaining("'tarball:' packages are not supported");

        Files.writeString(dir.resolve("packages.yml"), "dependencies:\n  - local: ../a\n");
        assertThatThrownBy(() -> PackagesFile.read(dir, null, null)).hasMessageContaining("packages.yml must have a 'packages:' list");
    }
}

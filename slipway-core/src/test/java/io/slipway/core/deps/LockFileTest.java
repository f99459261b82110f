package io.slipway.core.deps;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LockFileTest {
    @TempDir
    Path temp;

    @Test
    void theHashIsDbtsSha1OfSortedKeyJsonLines() throws IOException {
        Path file = temp.resolve("packages.yml");
        Files.writeString(file, "packages:\n"
                + "  - package: dbt-labs/dbt_utils\n    version: [\">=1.0.0\", \"<2.0.0\"]\n"
                + "  - git: https://github.com/dbt-labs/dbt-audit-helper.git\n    revision: 0.9.0\n    warn-unpinned: false\n"
                + "  - local: ../x\n");
        List<PackageSpec> specs = PackagesFile.read(temp, null, null).packages();
        // python3: sha1("\n".join(sorted(json.dumps(p, sort_keys=True) for p in packages)).encode()).hexdigest()
        assertThat(LockFile.hash(specs)).isEqualTo("a3c78d29cbb854266b70ff7ac0191cfe0b83e4a0");
        assertThat(LockFile.pythonJson(map("b", Arrays.asList(1L, 2.5, null, "é\"x"), "a", map("z", true))))
                .isEqualTo("{\"a\": {\"z\": true}, \"b\": [1, 2.5, null, \"\\u00e9\\\"x\"]}");
    }

    @Test
    void aWrittenLockReadsBackAsTheSamePackages() throws IOException {
        Path lock = temp.resolve("package-lock.yml");
        Path files = temp.resolve("files");
        List<PinnedPackage> pinned = List.of(
                new PinnedPackage.Hub("dbt-labs/dbt_utils", "1.1.1", "1.3.0", files, "dbt_utils", List.of()),
                new PinnedPackage.Git("https://example.invalid/{{ env_var('TOKEN') }}/x.git", "https://example.invalid/{{ env_var('TOKEN') }}/x.git",
                        "0123456789abcdef0123456789abcdef01234567", "sub/dir", files, "x_pkg", List.of()),
                new PinnedPackage.Local("../local: odd #name", true, files, "local_pkg", List.of()));

        LockFile.write(lock, pinned, "feedface");

        assertThat(Files.readString(lock)).isEqualTo("packages:\n"
                + "  - name: dbt_utils\n    package: dbt-labs/dbt_utils\n    version: 1.1.1\n"
                + "  - git: 'https://example.invalid/{{ env_var(''TOKEN'') }}/x.git'\n    name: x_pkg\n"
                + "    revision: 0123456789abcdef0123456789abcdef01234567\n    subdirectory: sub/dir\n"
                + "  - install_mode: deepcopy\n    local: '../local: odd #name'\n    name: local_pkg\n"
                + "sha1_hash: feedface\n");
        LockFile read = LockFile.read(lock, (value, key) -> value.replace("{{ env_var('TOKEN') }}", "secret"));
        assertThat(read.sha1Hash()).isEqualTo("feedface");
        assertThat(read.packages()).hasSize(3);
        assertThat(read.packages().get(0)).isInstanceOfSatisfying(PackageSpec.Hub.class, h -> {
            assertThat(h.name()).isEqualTo("dbt-labs/dbt_utils");
            assertThat(h.versions()).containsExactly("1.1.1");
            assertThat(h.origin()).isEqualTo(new Origin("package-lock.yml", 2, null));
        });
        assertThat(read.packages().get(1)).isInstanceOfSatisfying(PackageSpec.Git.class, g -> {
            assertThat(g.git()).isEqualTo("https://example.invalid/secret/x.git");
            assertThat(g.gitAsWritten()).isEqualTo("https://example.invalid/{{ env_var('TOKEN') }}/x.git");
            assertThat(g.revision()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
            assertThat(g.subdirectory()).isEqualTo("sub/dir");
        });
        assertThat(read.packages().get(2)).isInstanceOfSatisfying(PackageSpec.Local.class,
                l -> {
                    assertThat(l.local()).isEqualTo("../local: odd #name");
                    assertThat(l.copy()).isTrue();
                });
    }

    @Test
    void scalarsAreQuotedOnlyWhenTheyWouldReadBackAsSomethingElse() {
        assertThat(YamlWriter.scalar("1.1.1")).isEqualTo("1.1.1");
        assertThat(YamlWriter.scalar("https://github.com/dbt-labs/dbt-utils.git")).isEqualTo("https://github.com/dbt-labs/dbt-utils.git");
        assertThat(YamlWriter.scalar("<2.0.0")).isEqualTo("<2.0.0");
        assertThat(YamlWriter.scalar(">=1.0.0")).isEqualTo("'>=1.0.0'");
        assertThat(YamlWriter.scalar("1.0")).isEqualTo("'1.0'");
        assertThat(YamlWriter.scalar("123")).isEqualTo("'123'");
        assertThat(YamlWriter.scalar("true")).isEqualTo("'true'");
        assertThat(YamlWriter.scalar("")).isEqualTo("''");
        List<Object> versions = new ArrayList<>(List.of(">=1.0.0", "<2.0.0"));
        assertThat(YamlWriter.write(map("packages", List.of(map("version", versions, "package", "dbt-labs/dbt_utils")))))
                .isEqualTo("packages:\n  - package: dbt-labs/dbt_utils\n    version:\n      - '>=1.0.0'\n      - <2.0.0\n");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}

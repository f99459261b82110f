package io.slipway.core.artifacts;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.state.PreviousRunResults;
import io.slipway.core.state.StateManifest;
import io.slipway.core.state.StateNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading dbt-core's own manifests (v10 to v12) and run results, and refusing what cannot be read. */
class ManifestReaderTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12})
    void readsDbtCoreManifests(int version) {
        StateManifest m = ManifestReader.read(dbtManifest("dbt-core-v" + version + "-manifest.json"));
        assertThat(m.schemaVersion()).isEqualTo(version);
        assertThat(m.projectName()).isEqualTo("test");
        assertThat(m.adapterType()).isEqualTo("postgres");
        // eight nodes and the exposure (read from its own section, compared as nodes are)
        assertThat(m.nodes()).hasSize(9);
        assertThat(m.node("exposure.test.simple_exposure").dependsOnNodes())
                .containsExactlyInAnyOrder("source.test.my_source.my_table", "model.test.my_model");
        StateNode model = m.node("model.test.my_model");
        assertThat(model.rawCode()).isEqualTo("select 1 as id");
        assertThat(model.fqn()).containsExactly("test", "my_model");
        assertThat(model.database()).isEqualTo("dbt");
        assertThat(model.alias()).isEqualTo("my_model");
        assertThat(model.access()).isEqualTo("protected");
        assertThat(model.contractEnforced()).isFalse();
        assertThat(model.checksum().checksum()).isEqualTo("3ea0f972fa1b56aa2dc2f56ee784b6a5796312f9a813d59ae70fd8855f10d16d");
        StateNode snapshot = m.node("snapshot.test.snapshot_seed");
        assertThat(snapshot.unrenderedConfig()).containsEntry("strategy", "check").containsEntry("unique_key", "id");
        assertThat(snapshot.dependsOnNodes()).containsExactly("seed.test.my_seed");
        assertThat(m.node("test.test.not_null_my_model_id.43e0e9183a").genericTest()).isTrue();
        assertThat(m.node("test.test.just_my").genericTest()).isFalse();
        assertThat(m.node("seed.test.my_seed").checksum().name()).isEqualTo("sha256");
        assertThat(m.macros().get("macro.test.do_nothing").macroSql()).startsWith("{% macro do_nothing(foo2, bar2) %}");
        assertThat(m.sources().get("source.test.my_source.my_table").identifier()).isEqualTo("my_seed");
    }

    @Test
    void readsTheDeferStateManifestsRelations() {
        StateManifest m = ManifestReader.read(dbtManifest("dbt-core-v12-defer-state-manifest.json"));
        StateNode ephemeral = m.node("model.test.ephemeral");
        assertThat(ephemeral.isEphemeral()).isTrue();
        StateNode table = m.node("model.test.model_with_lots_of_schema_configs");
        assertThat(table.materialized()).isEqualTo("table");
        assertThat(table.alias()).isEqualTo("outer_alias");
        assertThat(table.relationName()).contains("outer_alias");
    }

    @Test
    void aMissingManifestNamesTheFileAndTheFlagToFix() {
        assertThatThrownBy(() -> ManifestReader.readDir(temp))
                .isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STATE_INVALID);
                    assertThat(e.getMessage()).contains("No manifest.json in the state directory " + temp).contains("--state");
                    assertThat(e.file()).isEqualTo(temp.resolve("manifest.json").toString());
                });
    }

    @Test
    void unreadableJsonIsAnErrorWithItsLine() throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{\n  \"metadata\": {\n  oops\n}");
        assertThatThrownBy(() -> ManifestReader.readDir(temp))
                .isInstanceOfSatisfying(SlipwayException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STATE_INVALID);
                    assertThat(e.getMessage()).contains("manifest.json is not valid JSON");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void manifestsOlderThanV10AreRefused() throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/manifest/v9.json\", \"dbt_version\": \"1.5.0\"}, \"nodes\": {}}");
        assertThatThrownBy(() -> ManifestReader.readDir(temp))
                .isInstanceOfSatisfying(SlipwayException.class, e -> assertThat(e.getMessage())
                        .contains("has manifest schema v9 (dbt 1.5.0)").contains("reads v10 (dbt 1.6) and later"));
    }

    @Test
    void somethingElseThanAManifestIsRefused() throws IOException {
        Files.writeString(temp.resolve("manifest.json"), "{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/run-results/v6.json\"}}");
        assertThatThrownBy(() -> ManifestReader.readDir(temp)).hasMessageContaining("is not a dbt manifest");
    }

    @Test
    void readsRunResultsStatusesAndArgs() throws IOException {
        Files.writeString(temp.resolve("run_results.json"), "{\"metadata\": {}, \"results\": ["
                + "{\"unique_id\": \"model.a.x\", \"status\": \"error\"}, {\"unique_id\": \"test.a.t\", \"status\": \"skipped\"}],"
                + " \"elapsed_time\": 1.0, \"args\": {\"which\": \"build\", \"select\": [\"x+\"]}}");
        PreviousRunResults r = RunResultsReader.readDir(temp);
        assertThat(r.results()).containsExactly(new PreviousRunResults.Result("model.a.x", "error"),
                new PreviousRunResults.Result("test.a.t", "skipped"));
        assertThat(r.command()).isEqualTo("build");
        assertThat(r.args()).containsEntry("select", java.util.List.of("x+"));
        assertThat(Map.copyOf(r.args())).hasSize(2);
    }

    /** dbt-core's manifests, kept once in the CLI module's test resources. */
    static Path dbtManifest(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("slipway-cli/src/test/resources/dbt-manifests"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("slipway-cli/src/test/resources/dbt-manifests not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("slipway-cli/src/test/resources/dbt-manifests").resolve(name);
    }
}

package io.slipway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --state} with manifests dbt-core wrote (schema v10, v11, v12; see dbt-manifests/README.md) against
 * projects/previous_state, which rebuilds the project they came from: as in dbt-core's own
 * test_previous_version_state, nothing is modified; edits are; deferral resolves to their relations.
 */
class PreviousStateManifestsTest {
    @TempDir
    Path temp;
    Path project;
    CliRunner cli;

    @BeforeEach
    void copy() throws IOException, URISyntaxException {
        project = CliRunner.copyProject(Path.of(getClass().getResource("/projects/previous_state").toURI()), temp.resolve("test"));
        cli = new CliRunner(temp.resolve("home"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12})
    void aProjectMatchingDbtCoresManifestIsUnmodified(int version) throws IOException, URISyntaxException {
        Path state = stateOf("dbt-core-v" + version + "-manifest.json");
        String target = "v" + version;
        CliRunner.Result modified = run("ls", "--target", target, "--select", "state:modified", "--state", state.toString());
        assertThat(modified.exitCode()).as(modified.all()).isZero();
        assertThat(modified.out()).contains("The selection criterion 'state:modified' does not match any enabled nodes");
        assertThat(names("ls", "--target", target, "--select", "state:unmodified", "--state", state.toString())).containsExactly(
                "a", "check_nothing_my_model_", "just_my", "metricflow_time_spine", "my_model", "my_seed", "my_source.my_table",
                "not_null_my_model_id", "simple_exposure", "snapshot_seed");
        assertThat(names("ls", "--target", target, "--select", "state:new", "--state", state.toString())).isEmpty();
    }

    @Test
    void editsAreModifiedAgainstDbtCoresManifest() throws IOException, URISyntaxException {
        Path state = stateOf("dbt-core-v12-manifest.json");
        Files.writeString(project.resolve("models/my_model.sql"), "select 2 as id");
        Files.writeString(project.resolve("seeds/my_seed.csv"), "id,value\n4,3\n");
        Files.writeString(project.resolve("macros/dummy_test.sql"), "{% test check_nothing(model) %}\nselect 1\n{% endtest %}\n");
        assertThat(names("ls", "--select", "state:modified", "--state", state.toString(), "--indirect-selection", "empty"))
                .containsExactly("check_nothing_my_model_", "my_model", "my_seed");
        assertThat(names("ls", "--select", "state:modified.macros", "--state", state.toString()))
                .containsExactly("check_nothing_my_model_");
    }

    /** The snapshot's target_schema=schema renders to each target's schema: the config() false positive dbt 1.10 has too. */
    @Test
    void anotherTargetsSchemaInAConfigCallIsAConfigChange() throws IOException, URISyntaxException {
        Path state = stateOf("dbt-core-v12-manifest.json");
        CliRunner.Result json = run("ls", "--quiet", "--target", "v10", "--select", "state:modified", "--state", state.toString(),
                "--output", "json", "--output-keys", "name", "modified");
        assertThat(json.out().strip()).isEqualTo("{\"name\":\"snapshot_seed\",\"modified\":{\"configs\":[\"target_schema\"]}}");
    }

    @Test
    void refsDeferToTheRelationsInDbtCoresManifest() throws IOException, URISyntaxException {
        Path state = stateOf("dbt-core-v12-manifest.json");
        CliRunner.Result compiled = run("compile", "--target", "v10", "--select", "just_my", "--defer", "--state", state.toString());
        assertThat(compiled.exitCode()).as(compiled.all()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/test/tests/just_my.sql")))
                .contains("\"dbt\".\"test17594237163467600387_test_previous_version_state\".\"my_model\"");
    }

    @Test
    void readsAManifestFromDbt112() throws IOException, URISyntaxException {
        Path state = stateOf("dbt-core-v12-defer-state-manifest.json");
        assertThat(names("ls", "--select", "state:old", "--state", state.toString())).containsExactly("a", "metricflow_time_spine", "my_source.my_table");
        assertThat(names("ls", "--select", "state:new", "--state", state.toString(), "--resource-type", "model")).containsExactly("my_model");
    }

    private Path stateOf(String manifest) throws IOException, URISyntaxException {
        Path dir = Files.createDirectories(temp.resolve("state-" + manifest.replace(".json", "")));
        Files.copy(Path.of(getClass().getResource("/dbt-manifests/" + manifest).toURI()), dir.resolve("manifest.json"));
        return dir;
    }

    private CliRunner.Result run(String... args) {
        return cli.inProject(project, args);
    }

    private List<String> names(String... args) {
        return cli.names(project, args);
    }
}

package io.slipway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code state:} selection against a manifest Slipway wrote, sub-selector by sub-selector, including the
 * env-aware cases dbt documents as false positives and what Slipway does about them (projects/state).
 */
class StateSelectionTest {
    @TempDir
    Path temp;
    Path project;
    Path state;
    CliRunner cli;

    @BeforeEach
    void takeStateInProd() throws IOException, URISyntaxException {
        project = CliRunner.copyProject(Path.of(StateSelectionTest.class.getResource("/projects/state").toURI()), temp.resolve("state_proj"));
        cli = new CliRunner(temp.resolve("home"));
        state = takeState("--target", "prod");
    }

    @Test
    void aManifestComparesUnmodifiedAgainstItself() {
        CliRunner.Result modified = run("ls", "--target", "prod", "--select", "state:modified", "--state", state.toString());
        assertThat(modified.exitCode()).as(modified.all()).isZero();
        assertThat(modified.out()).contains("The selection criterion 'state:modified' does not match any enabled nodes");
        List<String> everything = names("ls", "--target", "prod");
        assertThat(everything).hasSize(14);
        assertThat(names("ls", "--target", "prod", "--select", "state:unmodified", "--state", state.toString())).isEqualTo(everything);
        assertThat(names("ls", "--target", "prod", "--select", "state:old", "--state", state.toString())).isEqualTo(everything);
        assertThat(names("ls", "--target", "prod", "--select", "state:new", "--state", state.toString())).isEmpty();
    }

    @Test
    void newNodesAreNewAndModified() throws IOException {
        write("models/added.sql", "select 2 as id");
        assertThat(models("state:new")).containsExactly("added");
        assertThat(models("state:modified")).containsExactly("added");
        assertThat(models("state:modified.body")).containsExactly("added");
        assertThat(models("state:old")).doesNotContain("added").contains("base");
        assertThat(json("state:modified")).containsExactly("{\"name\":\"added\",\"modified\":{\"new\":true}}");
    }

    @Test
    void bodyChangesSelectTheEditedModelAndItsDescendantsWithPlus() throws IOException {
        write("models/base.sql", "select 1 as id, 'b' as name");
        assertThat(models("state:modified")).containsExactly("base");
        assertThat(models("state:modified.body")).containsExactly("base");
        assertThat(models("state:modified.configs")).isEmpty();
        assertThat(models("state:modified+")).containsExactly("after_ephemeral", "base", "env_config", "ephemeral_step", "var_config");
        // with its tests, as dbt's eager indirect selection adds them
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--state", state.toString()))
                .containsExactly("base", "not_null_base_id", "unique_base_id");
        assertThat(json("state:modified")).containsExactly("{\"name\":\"base\",\"modified\":{\"body\":true}}");
    }

    @Test
    void configChangesListTheKeysAndIgnoreTagsAndRelationParts() throws IOException {
        edit("models/schema.yml", "  - name: base\n", "  - name: base\n    config:\n      meta:\n        owner: ana\n      tags: ['nightly']\n");
        assertThat(models("state:modified.configs")).containsExactly("base");
        assertThat(models("state:modified.body")).isEmpty();
        assertThat(json("state:modified")).containsExactly("{\"name\":\"base\",\"modified\":{\"configs\":[\"meta\"]}}");

        edit("models/schema.yml", "      meta:\n        owner: ana\n", "");
        assertThat(models("state:modified")).as("tags are not a change").isEmpty();
    }

    @Test
    void relationChangesAreConfiguredNames() throws IOException {
        edit("models/schema.yml", "  - name: base\n", "  - name: base\n    config:\n      alias: base_v2\n");
        assertThat(models("state:modified.relation")).containsExactly("base");
        assertThat(models("state:modified.configs")).isEmpty();
        assertThat(json("state:modified")).containsExactly("{\"name\":\"base\",\"modified\":{\"relation\":true}}");
    }

    @Test
    void descriptionsCountOnlyWhenPersisted() throws IOException {
        edit("models/schema.yml", "Not persisted to the warehouse.", "Still not persisted.");
        assertThat(models("state:modified")).isEmpty();
        edit("models/schema.yml", "Written to the warehouse as a comment.", "A new comment.");
        assertThat(models("state:modified.persisted_descriptions")).containsExactly("documented");
        assertThat(json("state:modified")).containsExactly("{\"name\":\"documented\",\"modified\":{\"persisted_descriptions\":true}}");
    }

    @Test
    void macroChangesReachNodesThroughOtherMacros() throws IOException {
        write("macros/unused.sql", "{% macro unused() %}0{% endmacro %}");
        assertThat(models("state:modified")).as("a new macro nothing calls").isEmpty();
        edit("macros/helpers.sql", "{% macro inner_macro() -%}\n  1", "{% macro inner_macro() -%}\n  2");
        assertThat(models("state:modified.macros")).containsExactly("uses_macro");
        assertThat(models("state:modified.body")).isEmpty();
        assertThat(json("state:modified")).containsExactly(
                "{\"name\":\"uses_macro\",\"modified\":{\"macros\":[\"macro.state_proj.inner_macro\"]}}");
    }

    @Test
    void contractChangesAreModifiedContract() throws IOException {
        edit("models/schema.yml", "data_type: integer", "data_type: bigint");
        assertThat(models("state:modified.contract")).containsExactly("contracted");
        assertThat(json("state:modified")).containsExactly("{\"name\":\"contracted\",\"modified\":{\"contract\":true}}");
    }

    @Test
    void seedsCompareTheirFile() throws IOException {
        write("seeds/codes.csv", "code,label\na,Alpha\nb,Beta\nc,Gamma\n");
        assertThat(names("ls", "--target", "prod", "--select", "state:modified.body", "--state", state.toString())).containsExactly("codes");
    }

    @Test
    void testsChangeWithTheirSeverityButNotTheirTags() throws IOException {
        edit("models/schema.yml", "          - unique\n", "          - unique:\n              config:\n                tags: ['x']\n");
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--state", state.toString())).isEmpty();
        edit("models/schema.yml", "tags: ['x']", "severity: warn");
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--state", state.toString()))
                .containsExactly("unique_base_id");
    }

    @Test
    void sourcesChangeWithTheirRelationButNotTheirMeta() throws IOException {
        edit("models/schema.yml", "owner: data-eng", "owner: analytics");
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--state", state.toString())).isEmpty();
        edit("models/schema.yml", "      - name: things\n", "      - name: things\n        identifier: things_v2\n");
        assertThat(names("ls", "--target", "prod", "--select", "state:modified.relation", "--state", state.toString()))
                .containsExactly("raw.things");
        // and from_source follows it with +
        assertThat(names("ls", "--target", "prod", "--select", "state:modified+", "--state", state.toString(), "--resource-type", "model"))
                .containsExactly("from_source");
    }

    /**
     * dbt's documented false positives (state-comparison-caveats): a project-file config with Jinja is stored as written, so
     * switching targets is not a change; the same expression in the node's config() is compared rendered (dbt 1.10's default,
     * state_modified_compare_more_unrendered_values false), so it is one, and Slipway says which key.
     */
    @Test
    void envAwareConfigsFromTheProjectFileAreNotChangesButConfigCallsAre() {
        List<String> modified = names("ls", "--target", "dev", "--select", "state:modified", "--state", state.toString(), "--resource-type", "model");
        assertThat(modified).containsExactly("env_config");
        assertThat(jsonFor("dev", "state:modified")).containsExactly(
                "{\"name\":\"env_config\",\"modified\":{\"configs\":[\"materialized\"]}}");
    }

    /** dbt cannot trace vars: a var that sets a config is a config change; one used in the body is not a change at all. */
    @Test
    void varsCountOnlyWhereTheySetConfigs() throws IOException {
        Path withVars = takeState("--target", "prod", "--vars", "{mat: view, n: 1}");
        List<String> modified = names("ls", "--target", "prod", "--vars", "{mat: table, n: 2}", "--select", "state:modified",
                "--state", withVars.toString(), "--resource-type", "model");
        assertThat(modified).containsExactly("var_config");
    }

    @Test
    void theStateMayBeThisProjectsOwnTargetDirectory() throws IOException {
        assertThat(run("parse", "--target", "prod").exitCode()).isZero();
        write("models/var_body.sql", "select 7 as n");
        // ls writes target/manifest.json itself: the previous one must be read first
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--state", project.resolve("target").toString(),
                "--resource-type", "model")).containsExactly("var_body");
    }

    @Test
    void stateWithoutStateIsAnErrorThatSaysWhatToPass() {
        CliRunner.Result result = run("ls", "--select", "state:modified");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("'state:modified' compares with a previous run, but no --state was given")
                .contains("DBT_STATE");
        CliRunner.Result bogus = run("ls", "--select", "state:changed", "--state", state.toString());
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.all()).contains("Got an invalid selector \"changed\"").contains("modified.body");
    }

    @Test
    void aStateDirectoryWithoutAManifestIsAnErrorNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        CliRunner.Result result = run("ls", "--select", "state:modified", "--state", empty.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("No manifest.json in the state directory " + empty);
        CliRunner.Result missing = run("ls", "--select", "state:modified", "--state", temp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.all()).contains("nowhere is not a directory");
        Files.writeString(empty.resolve("manifest.json"), "{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/manifest/v7.json\", \"dbt_version\": \"1.3.0\"}}");
        CliRunner.Result old = run("ls", "--select", "state:modified", "--state", empty.toString());
        assertThat(old.exitCode()).isEqualTo(2);
        assertThat(old.all()).contains("has manifest schema v7 (dbt 1.3.0)");
    }

    @Test
    void dbtStateEnvironmentVariableStandsInForTheFlag() throws IOException {
        write("models/base.sql", "select 3 as id, 'c' as name");
        cli.env("DBT_STATE", state.toString());
        assertThat(names("ls", "--target", "prod", "--select", "state:modified", "--resource-type", "model")).containsExactly("base");
    }

    // --- deferral while compiling (data is checked in JaffleShopStateTest)

    @Test
    void deferredRefsReadTheStateButEphemeralModelsAndSourcesStayHere() throws IOException {
        edit("models/schema.yml", "    schema: raw\n", "    schema: raw_v2\n");
        CliRunner.Result deferred = run("compile", "--target", "dev", "--select", "after_ephemeral", "from_source", "--defer",
                "--state", state.toString());
        assertThat(deferred.exitCode()).as(deferred.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("__dbt__cte__ephemeral_step").contains("\"state\".\"prod\".\"base\"")
                .doesNotContain("\"dev\".\"base\"");
        assertThat(compiled("from_source")).contains("\"state\".\"raw_v2\".\"things\"");

        CliRunner.Result here = run("compile", "--target", "dev", "--select", "after_ephemeral");
        assertThat(here.exitCode()).as(here.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"dev\".\"base\"");
    }

    @Test
    void relationsThatExistHereWinUnlessFavorState() throws IOException {
        CliRunner.Result built = run("run", "--target", "dev", "--select", "base");
        assertThat(built.exitCode()).as(built.all()).isZero();
        run("compile", "--target", "dev", "--select", "after_ephemeral", "--defer", "--state", state.toString());
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"dev\".\"base\"");
        run("compile", "--target", "dev", "--select", "after_ephemeral", "--defer", "--favor-state", "--state", state.toString());
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"prod\".\"base\"");
        // a selected node is never favored away from here when it exists
        run("compile", "--target", "dev", "--select", "after_ephemeral", "base", "--defer", "--favor-state", "--state", state.toString());
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"dev\".\"base\"");
        // the same through the environment
        cli.env("DBT_DEFER", "1").env("DBT_FAVOR_STATE", "yes").env("DBT_DEFER_STATE", state.toString());
        CliRunner.Result env = run("compile", "--target", "dev", "--select", "after_ephemeral");
        assertThat(env.exitCode()).as(env.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"prod\".\"base\"");
        run("compile", "--target", "dev", "--select", "after_ephemeral", "--no-favor-state");
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"dev\".\"base\"");
    }

    @Test
    void deferStateFallsBackToStateAndTheEnvironmentWorksToo() throws IOException {
        CliRunner.Result own = run("compile", "--target", "dev", "--select", "after_ephemeral", "--defer", "--defer-state", state.toString());
        assertThat(own.exitCode()).as(own.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"prod\".\"base\"");
        Files.delete(project.resolve("target/compiled/state_proj/models/after_ephemeral.sql"));

        cli.env("DBT_DEFER", "true").env("DBT_STATE", state.toString());
        CliRunner.Result env = run("compile", "--target", "dev", "--select", "after_ephemeral");
        assertThat(env.exitCode()).as(env.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"prod\".\"base\"");

        CliRunner.Result off = run("compile", "--target", "dev", "--select", "after_ephemeral", "--no-defer");
        assertThat(off.exitCode()).as(off.all()).isZero();
        assertThat(compiled("after_ephemeral")).contains("\"state\".\"dev\".\"base\"");
    }

    @Test
    void deferWithoutAStateIsAnError() {
        CliRunner.Result result = run("run", "--target", "dev", "--defer");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).contains("--defer needs the state to defer to: pass --state or --defer-state");
    }

    // --- helpers

    /** Parses the project with these flags and keeps its target directory aside as a state. */
    private Path takeState(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("parse"));
        all.addAll(Arrays.asList(args));
        CliRunner.Result parsed = run(all.toArray(String[]::new));
        assertThat(parsed.exitCode()).as(parsed.all()).isZero();
        Path dir = temp.resolve("state-" + Files.list(temp).count());
        Files.move(project.resolve("target"), dir);
        return dir;
    }

    private CliRunner.Result run(String... args) {
        return cli.inProject(project, args);
    }

    /** ls's names, sorted. */
    private List<String> names(String... args) {
        return cli.names(project, args);
    }

    /** The models a selector picks against the prod state, on the prod target. */
    private List<String> models(String selector) {
        return names("ls", "--target", "prod", "--select", selector, "--state", state.toString(), "--resource-type", "model");
    }

    private List<String> json(String selector) {
        return jsonFor("prod", selector);
    }

    private List<String> jsonFor(String target, String selector) {
        CliRunner.Result result = run("ls", "--quiet", "--target", target, "--select", selector, "--state", state.toString(),
                "--resource-type", "model", "--output", "json", "--output-keys", "name", "modified");
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result.out().lines().sorted().toList();
    }

    private String compiled(String model) throws IOException {
        return Files.readString(project.resolve("target/compiled/state_proj/models/" + model + ".sql"));
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(project.resolve(file), text);
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(project.resolve(file));
        assertThat(text).as(file).contains(from);
        Files.writeString(project.resolve(file), text.replace(from, to));
    }
}

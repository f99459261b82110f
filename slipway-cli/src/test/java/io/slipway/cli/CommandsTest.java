package io.slipway.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands besides build: the classic 28-node build, show, compile, ls, debug, clean, parse, flags. */
class CommandsTest {
    @TempDir
    static Path temp;
    static Path project;
    static CliRunner cli;

    @BeforeAll
    static void seedAndRun() throws IOException {
        project = CliRunner.copyProject(CliRunner.exampleProject(), temp.resolve("jaffle_shop"));
        cli = new CliRunner(temp.resolve("home"));
        assertThat(run("seed").exitCode()).isZero();
        assertThat(run("run").exitCode()).isZero();
    }

    private static CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project-dir";
        all[args.length + 1] = project.toString();
        return cli.run(project, all);
    }

    @Test
    void classicJaffleShopShapeBuildsWithPass28(@TempDir Path dir) throws IOException {
        Path classic = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("classic"));
        Files.delete(classic.resolve("tests/assert_order_amounts_match_payments.sql"));
        CliRunner.Result result = cli.run(classic, "build", "--project-dir", classic.toString(), "--threads", "1");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Concurrency: 1 thread (target='dev')")
                .contains("Finished running 3 seeds, 3 view models, 2 table models, 20 data tests")
                .contains("Done. PASS=28 WARN=0 ERROR=0 SKIP=0 TOTAL=28");
    }

    @Test
    void showPrintsRowsAsTextAndJson() {
        CliRunner.Result text = run("show", "--select", "orders", "--limit", "2");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("Previewing node 'orders':").contains("| order_id | customer_id |")
                .containsPattern("\\|\\s+1 \\|\\s+60 \\| 2018-01-01");
        CliRunner.Result json = run("show", "--inline", "select order_id, status from {{ ref('orders') }} order by order_id", "--limit", "2",
                "--output", "json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(json.out().strip()).isEqualTo(
                "{\"node\":\"inline_query\",\"show\":[{\"order_id\":1,\"status\":\"return_pending\"},{\"order_id\":2,\"status\":\"completed\"}]}");
    }

    @Test
    void compileInlineRendersMacrosAndRefs() {
        CliRunner.Result json = run("compile", "--inline", "select {{ cents_to_dollars('amount') }} from {{ ref('stg_payments') }}", "--output", "json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertThat(json.out().strip()).isEqualTo(
                "{\"node\":\"inline_query\",\"compiled\":\"select round(amount / 100.0, 2) from \\\"jaffle_shop\\\".\\\"main\\\".\\\"stg_payments\\\"\"}");
        CliRunner.Result text = run("compile", "--inline", "select 1 as {{ 'x' | upper }}");
        assertThat(text.out()).contains("Compiled inline node is:\nselect 1 as X");
    }

    @Test
    void compileWritesEveryNode() {
        CliRunner.Result result = run("compile");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(project.resolve("target/compiled/jaffle_shop/models/customers.sql")).exists();
        assertThat(project.resolve("target/compiled/jaffle_shop/tests/assert_order_amounts_match_payments.sql")).exists();
    }

    @Test
    void lsListsSelectorsNamesPathsAndJson() {
        CliRunner.Result selectors = run("ls");
        assertThat(selectors.out()).contains("jaffle_shop.staging.stg_orders\n").contains("jaffle_shop.customers\n")
                .contains("jaffle_shop.raw_orders\n").contains("jaffle_shop.unique_orders_order_id\n");
        assertThat(run("ls", "--resource-type", "model", "--output", "name").out().lines().sorted().toList())
                .containsExactly("customers", "orders", "stg_customers", "stg_orders", "stg_payments");
        assertThat(run("ls", "--resource-type", "seed", "--output", "path").out()).contains("seeds/raw_orders.csv");
        CliRunner.Result json = run("ls", "--resource-type", "model", "--output", "json", "--output-keys", "name", "resource_type");
        assertThat(json.out()).contains("{\"name\":\"customers\",\"resource_type\":\"model\"}");
    }

    @Test
    void selectionPicksNodesAndTheirTests() {
        CliRunner.Result downstream = run("ls", "--select", "stg_orders+", "--resource-type", "model", "--output", "name");
        assertThat(downstream.out().lines().sorted().toList()).containsExactly("customers", "orders", "stg_orders");
        CliRunner.Result excluded = run("ls", "--select", "+orders", "--exclude", "stg_payments", "raw_orders",
                "--resource-type", "model", "seed", "--output", "name");
        assertThat(excluded.out().lines().sorted().toList()).containsExactly("orders", "raw_payments", "stg_orders");
        CliRunner.Result tests = run("test", "--select", "customers");
        assertThat(tests.exitCode()).as(tests.all()).isZero();
        // the two tests on customers, and the relationships test that touches it (eager indirect selection)
        assertThat(tests.out()).contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 TOTAL=3")
                .contains("relationships_orders_customer_id__customer_id__ref_customers_");
        CliRunner.Result cautious = run("test", "--select", "customers", "--indirect-selection", "cautious");
        assertThat(cautious.out()).contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 TOTAL=2");
        CliRunner.Result intersection = run("ls", "--select", "tag:nothing,customers");
        assertThat(intersection.out()).contains("does not match any enabled nodes");
    }

    @Test
    void yamlSelectorsWork(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("sel"));
        Files.writeString(p.resolve("selectors.yml"), """
                selectors:
                  - name: staging_only
                    definition:
                      method: path
                      value: models/staging
                """);
        CliRunner.Result result = cli.run(p, "ls", "--project-dir", p.toString(), "--selector", "staging_only",
                "--resource-type", "model", "--output", "name", "--quiet");
        assertThat(result.out().lines().sorted().toList()).containsExactly("stg_customers", "stg_orders", "stg_payments");
    }

    @Test
    void envVarsReachProfilesAndProjects(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("env"));
        Path database = dir.resolve("elsewhere/warehouse.duckdb");
        CliRunner withEnv = new CliRunner(dir.resolve("home")).env("JAFFLE_SHOP_DUCKDB", database.toString());
        CliRunner.Result result = withEnv.run(p, "seed", "--project-dir", p.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(database).exists();
        assertThat(p.resolve("target/jaffle_shop.duckdb")).doesNotExist();
    }

    @Test
    void profilesDirFlagAndEnvironmentVariableAreHonoured(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("pd"));
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Files.move(p.resolve("profiles.yml"), profiles.resolve("profiles.yml"));
        CliRunner.Result viaFlag = cli.run(p, "debug", "--project-dir", p.toString(), "--profiles-dir", profiles.toString());
        assertThat(viaFlag.exitCode()).as(viaFlag.all()).isZero();
        assertThat(viaFlag.out()).contains(profiles.resolve("profiles.yml").toString());
        CliRunner.Result viaEnv = new CliRunner(dir.resolve("home")).env("DBT_PROFILES_DIR", profiles.toString())
                .run(p, "debug", "--project-dir", p.toString());
        assertThat(viaEnv.out()).contains(profiles.resolve("profiles.yml").toString());
        CliRunner.Result missing = cli.run(p, "debug", "--project-dir", p.toString(), "--profiles-dir", dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("no profiles.yml in --profiles-dir");
    }

    @Test
    void reparseWithNoChangeKeepsTheManifest(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("pp"));
        Files.writeString(p.resolve("models/uses_env.sql"), "select '{{ env_var(\"SLIPWAY_PP_TEST\", \"a\") }}' as v");
        CliRunner plain = new CliRunner(dir.resolve("home"));
        assertThat(plain.run(p, "parse", "--project-dir", p.toString()).out()).doesNotContain("Nothing changed");
        assertThat(plain.run(p, "parse", "--project-dir", p.toString()).out()).contains("Nothing changed since the last parse");
        // a var, an environment variable a template reads, and a file edit each make it parse again
        assertThat(plain.run(p, "parse", "--project-dir", p.toString(), "--vars", "{x: 1}").out()).doesNotContain("Nothing changed");
        assertThat(plain.run(p, "parse", "--project-dir", p.toString()).out()).doesNotContain("Nothing changed");
        assertThat(plain.run(p, "parse", "--project-dir", p.toString()).out()).contains("Nothing changed");
        CliRunner withEnv = new CliRunner(dir.resolve("home")).env("SLIPWAY_PP_TEST", "b");
        assertThat(withEnv.run(p, "parse", "--project-dir", p.toString()).out()).doesNotContain("Nothing changed");
        Files.writeString(p.resolve("models/uses_env.sql"), "select 2 as v");
        Files.setLastModifiedTime(p.resolve("models/uses_env.sql"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(withEnv.run(p, "parse", "--project-dir", p.toString()).out()).doesNotContain("Nothing changed");
        // a build writes the manifest of what it parsed; the next parse does its own work
        assertThat(withEnv.run(p, "seed", "--project-dir", p.toString()).exitCode()).isZero();
        assertThat(withEnv.run(p, "parse", "--project-dir", p.toString()).out()).doesNotContain("Nothing changed");
    }

    @Test
    void dbtContextFunctionsWork() {
        CliRunner.Result result = run("compile", "--inline",
                "{{ tojson({'b': 1, 'a': [1, 'x']}) }}|{{ fromjson('[1, 2]')[1] }}|{{ fromyaml('x: 3')['x'] }}|"
                        + "{{ modules.datetime.date(2024, 1, 2).strftime('%Y/%m') }}|{{ modules.re.sub('[aeiou]', '_', 'jaffle') }}|"
                        + "{{ target.name }}-{{ target.type }}-{{ target.schema }}|{{ this }}|{{ print('printed line') }}"
                        + "{{ local_md5('a') }}|{{ ref('orders').identifier }}|{{ adapter.quote('x') }}");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("printed line")
                .contains("{\"b\": 1, \"a\": [1, \"x\"]}|2|3|2024/01|j_ffl_|dev-duckdb-main|\"jaffle_shop\".\"main\".\"inline_query\"|"
                        + "0cc175b9c0f1b6a831c399e269772661|orders|\"x\"");
        CliRunner.Result raised = run("compile", "--inline", "{{ exceptions.raise_compiler_error('the config is wrong: x') }}");
        assertThat(raised.exitCode()).isEqualTo(2);
        assertThat(raised.out()).contains("the config is wrong: x");
    }

    @Test
    void debugChecksTheConnection() {
        CliRunner.Result result = run("debug");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Connection test [OK connection ok]").contains("All checks passed!");
    }

    @Test
    void parseWritesTheManifest() {
        CliRunner.Result result = run("parse", "--target-path", "parsed");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(project.resolve("parsed/manifest.json")).exists();
    }

    @Test
    void varsReachTemplates() {
        CliRunner.Result result = run("compile", "--inline", "select {{ var('limit_rows', 3) }} as a, {{ var('who') }} as b",
                "--vars", "{who: 7}", "--output", "json");
        assertThat(result.out()).contains("select 3 as a, 7 as b");
        CliRunner.Result missing = run("compile", "--inline", "select {{ var('who') }}");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).contains("Required var 'who' not found");
    }

    @Test
    void jsonLogFormatPrintsOneObjectPerEvent() {
        CliRunner.Result result = run("run", "--log-format", "json", "--select", "stg_orders");
        assertThat(result.exitCode()).as(result.all()).isZero();
        for (String line : result.out().lines().toList()) {
            assertThat(line).startsWith("{\"info\":{");
        }
        assertThat(result.out()).contains("\"code\":\"Q031\"").contains("\"unique_id\":\"model.jaffle_shop.stg_orders\"");
    }

    @Test
    void quietKeepsOnlyCommandOutput() {
        CliRunner.Result result = run("ls", "--quiet", "--resource-type", "seed", "--output", "name");
        assertThat(result.out().lines().sorted().toList()).containsExactly("raw_customers", "raw_orders", "raw_payments");
    }

    @Test
    void versionAndClean(@TempDir Path dir) throws IOException {
        CliRunner.Result version = cli.run(dir, "--version");
        assertThat(version.out()).startsWith("slipway 0.1.0");
        Path other = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("p"));
        Files.createDirectories(other.resolve("target/compiled"));
        CliRunner.Result clean = cli.run(other, "clean", "--project-dir", other.toString());
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.out()).contains("Cleaned target/");
        assertThat(other.resolve("target")).doesNotExist();
    }
}

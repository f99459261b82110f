package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial parsing for every command: a run reuses the previous parse (target/partial_parse.bin) when nothing it
 * read changed, gives exactly what a full parse gives, and parses again after any change to a file, a var, the
 * target or an environment variable a template read.
 */
class PartialParseTest {
    private static final String FULL_PARSE = "Unable to do partial parsing because";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReusedParseBuildsWhatAFullParseBuilds(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));

        CliRunner.Result first = cli.run(p, "build", "--project-dir", p.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains(FULL_PARSE + " saved manifest not found. Starting full parse.");
        assertThat(p.resolve("target/partial_parse.bin")).isRegularFile();
        JsonNode fullParse = withoutMetadata(p.resolve("target/manifest.json"));

        CliRunner.Result second = cli.run(p, "build", "--project-dir", p.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).doesNotContain(FULL_PARSE).contains("PASS=29");
        // every node, source, doc, group and macro as the full parse had them
        assertThat(withoutMetadata(p.resolve("target/manifest.json"))).isEqualTo(fullParse);
    }

    @Test
    void anEditedFileAVarAndAnEnvVarEachTakeEffect(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        Path model = p.resolve("models/pp_probe.sql");
        Files.writeString(model, "select '{{ env_var(\"SLIPWAY_PP_PROBE\", \"default\") }}' as v, {{ var('pp_n', 1) }} as n");
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run(p, "run", "--project-dir", p.toString(), "-s", "pp_probe").exitCode()).isZero();
        assertThat(probe(p)).containsExactly("default/1");

        // a file edit: the same size is not enough to hide it, the time changes too
        Files.writeString(model, "select '{{ env_var(\"SLIPWAY_PP_PROBE\", \"default\") }}' as v, {{ var('pp_n', 1) }} + 1 as n");
        Files.setLastModifiedTime(model, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CliRunner.Result edited = cli.run(p, "run", "--project-dir", p.toString(), "-s", "pp_probe");
        assertThat(edited.exitCode()).as(edited.all()).isZero();
        assertThat(probe(p)).containsExactly("default/2");

        CliRunner.Result unchanged = cli.run(p, "run", "--project-dir", p.toString(), "-s", "pp_probe");
        assertThat(unchanged.out()).doesNotContain(FULL_PARSE);

        CliRunner.Result withVars = cli.run(p, "run", "--project-dir", p.toString(), "-s", "pp_probe", "--vars", "{pp_n: 10}");
        assertThat(withVars.out()).contains(FULL_PARSE + " config vars, config profile, or config target have changed");
        assertThat(probe(p)).containsExactly("default/11");

        CliRunner withEnv = new CliRunner(dir.resolve("home")).env("SLIPWAY_PP_PROBE", "from-env");
        assertThat(withEnv.run(p, "run", "--project-dir", p.toString(), "-s", "pp_probe", "--vars", "{pp_n: 10}").exitCode()).isZero();
        assertThat(probe(p)).containsExactly("from-env/11");
    }

    @Test
    void anEditedModelOrTestIsParsedAloneAndGivesWhatAFullParseGives(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run(p, "parse", "--project-dir", p.toString()).exitCode()).isZero();

        // customers has a properties entry (description, columns, tests): the edit keeps it and adds a config and a ref
        Path customers = p.resolve("models/customers.sql");
        edit(customers, "{{ config(tags=['edited'], materialized='view') }}\n" + Files.readString(customers)
                .replace("select * from {{ ref('stg_payments') }}", "select * from {{ ref('stg_payments') }} where amount >= 0 -- {{ ref('orders') }}"));
        Path singular = p.resolve("tests/assert_order_amounts_match_payments.sql");
        edit(singular, Files.readString(singular) + "\n-- edited\n");
        CliRunner.Result partial = cli.run(p, "parse", "--project-dir", p.toString(), "--debug");
        assertThat(partial.exitCode()).as(partial.all()).isZero();
        assertThat(partial.out()).doesNotContain(FULL_PARSE)
                .contains("Partial parsing: parsed again jaffle:models/customers.sql, jaffle:tests/assert_order_amounts_match_payments.sql");
        JsonNode reused = withoutMetadata(p.resolve("target/manifest.json"));
        JsonNode node = reused.at("/nodes/model.jaffle_shop.customers");
        assertThat(node.at("/config/tags").toString()).isEqualTo("[\"edited\"]");
        assertThat(node.at("/config/materialized").asText()).isEqualTo("view");
        assertThat(node.at("/depends_on/nodes").toString()).contains("model.jaffle_shop.orders");
        assertThat(node.at("/description").asText()).isNotEmpty();
        assertThat(reused.at("/child_map/model.jaffle_shop.orders").toString()).contains("model.jaffle_shop.customers");

        assertThat(cli.run(p, "parse", "--project-dir", p.toString(), "--no-partial-parse").exitCode()).isZero();
        assertThat(withoutMetadata(p.resolve("target/manifest.json"))).isEqualTo(reused);

        // the next run reuses the parse that took the edit in
        CliRunner.Result built = cli.run(p, "build", "--project-dir", p.toString(), "--debug", "-s", "+customers");
        assertThat(built.exitCode()).as(built.all()).isZero();
        assertThat(built.out()).doesNotContain(FULL_PARSE).contains("Partial parsing: nothing changed")
                .contains("OK created sql view model main.customers");

        // a ref to nothing is reported as a full parse reports it: file and line
        edit(customers, Files.readString(customers).replace("{{ ref('orders') }}", "{{ ref('ordres') }}"));
        CliRunner.Result broken = cli.run(p, "ls", "--project-dir", p.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.all()).contains("models/customers.sql").contains("'ordres'").contains("Did you mean 'orders'");
    }

    @Test
    void anEditThatDisablesAModelFallsBackToAFullParse(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        Path customers = p.resolve("models/customers.sql");
        Files.writeString(customers, Files.readString(customers).replace("select * from {{ ref('stg_payments') }}", "select * from {{ ref('stg_payments') }} -- {{ ref('orders') }}"));
        assertThat(cli.run(p, "parse", "--project-dir", p.toString()).exitCode()).isZero();

        edit(customers, "{{ config(enabled=false) }}\n" + Files.readString(customers));
        CliRunner.Result partial = cli.run(p, "ls", "--project-dir", p.toString(), "--debug");
        assertThat(partial.exitCode()).as(partial.all()).isZero();
        assertThat(partial.out()).doesNotContain("Partial parsing: parsed again").doesNotContain("jaffle_shop.customers")
                .doesNotContain("not_null_customers_customer_id");
        JsonNode viaPartial = withoutMetadata(p.resolve("target/manifest.json"));
        assertThat(viaPartial.at("/disabled/model.jaffle_shop.customers").isArray()).isTrue();
        assertThat(cli.run(p, "ls", "--project-dir", p.toString(), "--no-partial-parse").exitCode()).isZero();
        assertThat(withoutMetadata(p.resolve("target/manifest.json"))).isEqualTo(viaPartial);
    }

    @Test
    void filesTouchedButNotChangedAreComparedByChecksum(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run(p, "parse", "--project-dir", p.toString()).exitCode()).isZero();
        JsonNode before = withoutMetadata(p.resolve("target/manifest.json"));

        // as a `git checkout` to a branch and back leaves them: same bytes, new times
        Path schema = p.resolve("models/schema.yml");
        Path macro = p.resolve("macros/cents_to_dollars.sql");
        edit(schema, Files.readString(schema));
        edit(macro, Files.readString(macro));
        CliRunner.Result touched = cli.run(p, "ls", "--project-dir", p.toString(), "--debug");
        assertThat(touched.exitCode()).as(touched.all()).isZero();
        assertThat(touched.out()).doesNotContain(FULL_PARSE).contains("Partial parsing: nothing changed")
                .doesNotContain("Partial parsing: parsed again");
        assertThat(withoutMetadata(p.resolve("target/manifest.json"))).isEqualTo(before);

        // a touched model is not compared by checksum (models are most of a project's files): it is parsed alone
        Path customers = p.resolve("models/customers.sql");
        edit(customers, Files.readString(customers));
        CliRunner.Result model = cli.run(p, "ls", "--project-dir", p.toString(), "--debug");
        assertThat(model.exitCode()).as(model.all()).isZero();
        assertThat(model.out()).doesNotContain(FULL_PARSE).contains("Partial parsing: parsed again jaffle:models/customers.sql");
        assertThat(withoutMetadata(p.resolve("target/manifest.json"))).isEqualTo(before);

        // a real edit of the same size is still seen, by its checksum
        String text = Files.readString(schema);
        assertThat(text).contains("One row per customer, with");
        edit(schema, text.replace("One row per customer, with", "Customers!!! one row, with"));
        assertThat(Files.size(schema)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        CliRunner.Result changed = cli.run(p, "ls", "--project-dir", p.toString(), "--debug");
        assertThat(changed.exitCode()).as(changed.all()).isZero();
        assertThat(changed.out()).doesNotContain("Partial parsing: nothing changed");
        JsonNode after = withoutMetadata(p.resolve("target/manifest.json"));
        assertThat(after.at("/nodes/model.jaffle_shop.customers/description").asText()).startsWith("Customers!!! one row, with");
    }

    /** Rewrites a file so that its size or time surely changes (a test edits faster than file times tick). */
    private static void edit(Path file, String contents) throws IOException {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, contents);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    }

    @Test
    void aDamagedCacheIsParsedAroundAndNoPartialParseSkipsIt(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run(p, "seed", "--project-dir", p.toString()).exitCode()).isZero();
        Path cache = p.resolve("target/partial_parse.bin");
        damage(cache);

        CliRunner.Result damaged = cli.run(p, "ls", "--project-dir", p.toString());
        assertThat(damaged.exitCode()).as(damaged.all()).isZero();
        assertThat(damaged.out()).contains(FULL_PARSE + " the saved manifest could not be read").contains("jaffle_shop.customers");
        // the full parse wrote a sound cache again
        CliRunner.Result after = cli.run(p, "ls", "--project-dir", p.toString());
        assertThat(after.out()).doesNotContain(FULL_PARSE).contains("jaffle_shop.customers");

        // --no-partial-parse does not read the cache (and leaves a sound one)
        damage(cache);
        CliRunner.Result skipped = cli.run(p, "ls", "--project-dir", p.toString(), "--no-partial-parse");
        assertThat(skipped.exitCode()).as(skipped.all()).isZero();
        assertThat(skipped.out()).doesNotContain(FULL_PARSE).contains("jaffle_shop.customers");
        assertThat(cli.run(p, "ls", "--project-dir", p.toString()).out()).doesNotContain(FULL_PARSE);

        CliRunner.Result viaEnv = new CliRunner(dir.resolve("home")).env("DBT_PARTIAL_PARSE", "false")
                .run(p, "ls", "--project-dir", p.toString(), "--vars", "{x: 1}");
        assertThat(viaEnv.out()).doesNotContain(FULL_PARSE).contains("jaffle_shop.customers");
    }

    private static void damage(Path cache) throws IOException {
        byte[] bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static JsonNode withoutMetadata(Path manifest) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(manifest.toFile());
        tree.remove("metadata");
        return tree;
    }

    private static java.util.List<String> probe(Path project) {
        return Warehouse.read(project.resolve("target/jaffle_shop.duckdb")).query("select v || '/' || n from main.pp_probe");
    }
}

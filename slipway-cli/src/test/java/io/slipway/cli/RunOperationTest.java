package io.slipway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-operation} as dbt's: the macro runs with its {@code --args} as keyword arguments, {@code execute} true
 * and refs resolved to real relations; its statements are committed; errors exit 1 with dbt's message; run_results.json
 * holds one result for the macro.
 */
class RunOperationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMacroRunsWithItsArgumentsAndAnErrorExitsOne(@TempDir Path dir) throws IOException {
        Path p = CliRunner.copyProject(CliRunner.exampleProject(), dir.resolve("jaffle"));
        Files.writeString(p.resolve("macros/ops.sql"), """
                {% macro make_note(text, times=1) %}
                  {% do run_query("create schema if not exists ops") %}
                  {% set n = run_query("select count(*) from " ~ ref('stg_customers')) %}
                  {% do run_query("create or replace table ops.notes as select '" ~ text ~ "' as note, " ~ times ~ " as times, "
                      ~ n.columns[0].values()[0] ~ " as customers") %}
                  {{ log("wrote a note: " ~ text ~ " (execute=" ~ execute ~ ")", info=true) }}
                {% endmacro %}
                {% macro broken() %}
                  {{ exceptions.raise_compiler_error("this operation always fails") }}
                {% endmacro %}
                """);
        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run(p, "build", "--project-dir", p.toString(), "-s", "+stg_customers").exitCode()).isZero();

        CliRunner.Result ok = cli.run(p, "run-operation", "make_note", "--args", "{text: hello, times: 3}", "--project-dir", p.toString());
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("wrote a note: hello (execute=True)");
        assertThat(Warehouse.read(p.resolve("target/jaffle_shop.duckdb")).query("select note || '/' || times || '/' || customers from ops.notes"))
                .containsExactly("hello/3/100");
        JsonNode results = JSON.readTree(p.resolve("target/run_results.json").toFile());
        assertThat(results.at("/args/which").asText()).isEqualTo("run-operation");
        assertThat(results.at("/results/0/unique_id").asText()).isEqualTo("macro.jaffle_shop.make_note");
        assertThat(results.at("/results/0/status").asText()).isEqualTo("success");

        // a package-qualified name, and the default of an argument not given
        CliRunner.Result qualified = cli.run(p, "run-operation", "jaffle_shop.make_note", "--args", "{text: again}", "--project-dir", p.toString());
        assertThat(qualified.exitCode()).as(qualified.all()).isZero();
        assertThat(Warehouse.read(p.resolve("target/jaffle_shop.duckdb")).query("select note || '/' || times from ops.notes"))
                .containsExactly("again/1");

        CliRunner.Result broken = cli.run(p, "run-operation", "broken", "--project-dir", p.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("Encountered an error while running operation: ").contains("this operation always fails");
        assertThat(JSON.readTree(p.resolve("target/run_results.json").toFile()).at("/results/0/status").asText()).isEqualTo("error");

        CliRunner.Result missing = cli.run(p, "run-operation", "no_such_macro", "--project-dir", p.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("dbt could not find a macro with the name 'no_such_macro' in any package");

        CliRunner.Result badArgs = cli.run(p, "run-operation", "make_note", "--args", "[1, 2]", "--project-dir", p.toString());
        assertThat(badArgs.exitCode()).isEqualTo(2);
        assertThat(badArgs.all()).contains("--args must be a YAML or JSON mapping");
    }
}

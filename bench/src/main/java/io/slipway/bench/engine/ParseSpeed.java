package io.slipway.bench.engine;

import io.slipway.core.execution.Command;
import io.slipway.core.execution.Invocation;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.InvocationRequest;
import io.slipway.core.execution.InvocationResult;
import io.slipway.core.template.DbtJinja;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Parse time on the shape of dbt-core's own parse benchmark ({@code performance/projects/01_2000_simple_models}:
 * each model {@code select 1 as id union all select * from {{ ref('node_<n-1>') }}} in chains, with unique,
 * not_null and relationships tests on every model), at any size. Prints each parse's wall time in one JVM:
 * the first is a cold start, the later ones what a long-lived server sees.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.slipway.bench.engine.ParseSpeed [models] [runs]}
 */
public final class ParseSpeed {
    private ParseSpeed() {
    }

    public static void main(String[] args) throws Exception {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = write(Files.createTempDirectory("slipway-parse"), models);
        InvocationEnvironment environment = new InvocationEnvironment(Map.of(), dir, dir, new DbtJinja());
        System.out.printf(Locale.ROOT, "project: %d models, %d tests, %d cores%n", models, models * 3,
                Runtime.getRuntime().availableProcessors());
        for (int run = 1; run <= runs; run++) {
            long started = System.nanoTime();
            InvocationResult result = new Invocation(InvocationRequest.of(Command.PARSE, dir), environment, event -> {
            }).run();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (result.exitCode() != 0) {
                throw new IllegalStateException("parse failed", result.error());
            }
            System.out.printf(Locale.ROOT, "parse %d: %.2fs (%.0f models/s)%s%n", run, seconds, models / seconds,
                    run == 1 ? " cold" : "");
        }
    }

    static Path write(Path dir, int models) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("dbt_project.yml"), "name: perf\nversion: '1.0'\nconfig-version: 2\nprofile: perf\n");
        Files.writeString(dir.resolve("profiles.yml"),
                "perf:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: target/perf.duckdb\n");
        StringBuilder schema = new StringBuilder("version: 2\nmodels:\n");
        int chain = 100;
        for (int i = 0; i < models; i++) {
            String sql = i % chain == 0 ? "select 1 as id\n" : "select 1 as id\nunion all\nselect * from {{ ref('node_" + (i - 1) + "') }}\n";
            Files.writeString(dir.resolve("models/node_" + i + ".sql"), sql);
            schema.append("  - name: node_").append(i).append("\n    columns:\n      - name: id\n        data_tests:\n")
                    .append("          - unique\n          - not_null\n");
            String parent = i % chain == 0 ? "node_" + i : "node_" + (i - 1);
            schema.append("          - relationships:\n              to: ref('").append(parent).append("')\n              field: id\n");
        }
        Files.writeString(dir.resolve("models/schema.yml"), schema.toString());
        return dir;
    }
}

package io.slipway.bench.engine;

import io.slipway.core.event.EventCode;
import io.slipway.core.execution.Command;
import io.slipway.core.execution.Invocation;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.InvocationRequest;
import io.slipway.core.execution.InvocationResult;
import io.slipway.core.template.DbtJinja;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The engine's overhead on a build: the wall time of {@code build} on a generated project against the
 * summed time of the warehouse calls themselves (every statement, lookup and commit, across threads).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.slipway.bench.engine.BuildOverhead [models] [rows] [threads] [runs]}
 */
public final class BuildOverhead {
    private BuildOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int models = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = GeneratedProject.write(Files.createTempDirectory("slipway-bench"), models, rows);
        DbtJinja jinja = new DbtJinja();
        InvocationEnvironment environment = new InvocationEnvironment(Map.of(), dir, dir, jinja);
        System.out.printf(Locale.ROOT, "project: %d models, %d tests, %d rows per source, threads=%d%n", models, models * 2, rows, threads);
        for (int run = 1; run <= runs; run++) {
            DoubleAdder sql = new DoubleAdder();
            LongAdder calls = new LongAdder();
            InvocationRequest request = InvocationRequest.of(Command.BUILD, dir).withThreads(threads);
            long started = System.nanoTime();
            InvocationResult result = new Invocation(request, environment, event -> {
                if (event.code() == EventCode.E001_SQL) {
                    sql.add(((Number) event.data().get("elapsed")).doubleValue());
                    calls.increment();
                }
            }).run();
            double wall = (System.nanoTime() - started) / 1e9;
            if (result.exitCode() != 0) {
                throw new IllegalStateException("build failed: " + result.error());
            }
            double warehouse = sql.sum();
            System.out.printf(Locale.ROOT,
                    "run %d: wall %.2fs, warehouse calls %d taking %.2fs, engine %.2fs, wall/warehouse %.2f%s%n",
                    run, wall, calls.sum(), warehouse, wall - warehouse, wall / warehouse,
                    run == 1 ? " (cold: first parse of every template in this JVM)" : "");
        }
    }
}

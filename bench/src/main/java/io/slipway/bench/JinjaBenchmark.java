package io.slipway.bench;

import io.slipway.jinja.Template;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of slipway-jinja on a typical dbt model ({@link DbtLikeProject}): a render as dbt does it per
 * node (macros bound to the node's context, then the model rendered), and a parse of the model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JinjaBenchmark {
    private DbtLikeProject project;

    @Setup
    public void setUp() {
        project = new DbtLikeProject();
    }

    @Benchmark
    public String renderModel() {
        return project.render();
    }

    @Benchmark
    public Template parseModel() {
        return project.parseModel();
    }
}

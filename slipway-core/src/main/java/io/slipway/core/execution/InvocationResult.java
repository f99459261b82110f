package io.slipway.core.execution;

import java.nio.file.Path;
import java.util.List;

/**
 * How an invocation ended.
 *
 * @param exitCode  dbt's: 0 success, 1 a node failed or errored, 2 usage or unexpected error
 * @param results   node results, in completion order (empty for commands that run no nodes)
 * @param targetDir where artifacts were written, or null if the project did not load
 * @param error     the error that stopped the invocation, or null
 */
public record InvocationResult(int exitCode, List<NodeResult> results, Path targetDir, Throwable error) {
    public InvocationResult {
        results = List.copyOf(results);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}

package io.slipway.core.execution;

import io.slipway.core.project.Frozen;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What running one node gave, as run_results.json records it.
 *
 * @param message         the short outcome ({@code OK}, {@code INSERT 3}, {@code Got 2 results, configured to fail if != 0}) or the error
 * @param failures        failing rows for tests, else null
 * @param adapterResponse the warehouse's response to the main statement
 * @param compiledCode    the compiled SQL, or null when it did not compile
 * @param compiledPath    where the compiled SQL was written (relative to the project), or null
 * @param batchResults    for microbatch models, dbt's {@code successful} and {@code failed} lists of [start, end]; else null
 */
public record NodeResult(
        String uniqueId,
        NodeStatus status,
        String message,
        Long failures,
        Map<String, Object> adapterResponse,
        Instant compileStarted,
        Instant compileCompleted,
        Instant executeStarted,
        Instant executeCompleted,
        double executionTime,
        String threadId,
        String compiledCode,
        String compiledPath,
        String relationName,
        Map<String, Object> batchResults) {

    public NodeResult {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        Objects.requireNonNull(status, "status is null");
        adapterResponse = Frozen.map(adapterResponse);
        batchResults = batchResults == null ? null : Frozen.map(batchResults);
    }

    /** A result without batches (all but microbatch models). */
    public NodeResult(String uniqueId, NodeStatus status, String message, Long failures, Map<String, Object> adapterResponse,
                      Instant compileStarted, Instant compileCompleted, Instant executeStarted, Instant executeCompleted,
                      double executionTime, String threadId, String compiledCode, String compiledPath, String relationName) {
        this(uniqueId, status, message, failures, adapterResponse, compileStarted, compileCompleted, executeStarted, executeCompleted,
                executionTime, threadId, compiledCode, compiledPath, relationName, null);
    }

    /** This result as run_results.json records it. */
    public io.slipway.core.artifacts.RunResultsWriter.Entry toEntry() {
        return new io.slipway.core.artifacts.RunResultsWriter.Entry(uniqueId, status.json(), message, failures, adapterResponse,
                compileStarted, compileCompleted, executeStarted, executeCompleted, executionTime, threadId, compiledCode, relationName,
                compiledCode != null, batchResults);
    }

    public static NodeResult skipped(String uniqueId, String message, String relationName) {
        return new NodeResult(uniqueId, NodeStatus.SKIPPED, message, null, Map.of(), null, null, null, null, 0, "MainThread", null, null, relationName);
    }
}

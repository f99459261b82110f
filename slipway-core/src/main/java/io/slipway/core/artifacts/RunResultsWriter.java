package io.slipway.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code run_results.json} in dbt's schema v6. */
public final class RunResultsWriter {
    public static final String SCHEMA = "run-results/v6";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunResultsWriter() {
    }

    /**
     * One result as the writer needs it.
     *
     * @param status dbt's status word ({@code success}, {@code pass}, {@code fail}, ...)
     */
    public record Entry(String uniqueId, String status, String message, Long failures, Map<String, Object> adapterResponse,
                        Instant compileStarted, Instant compileCompleted, Instant executeStarted, Instant executeCompleted,
                        double executionTime, String threadId, String compiledCode, String relationName, boolean compiled,
                        Map<String, Object> batchResults) {
        /** An entry without batches (all but microbatch models). */
        public Entry(String uniqueId, String status, String message, Long failures, Map<String, Object> adapterResponse,
                     Instant compileStarted, Instant compileCompleted, Instant executeStarted, Instant executeCompleted,
                     double executionTime, String threadId, String compiledCode, String relationName, boolean compiled) {
            this(uniqueId, status, message, failures, adapterResponse, compileStarted, compileCompleted, executeStarted, executeCompleted,
                    executionTime, threadId, compiledCode, relationName, compiled, null);
        }
    }

    public static void write(Path file, List<Entry> results, double elapsed, ArtifactMetadata metadata, Map<String, Object> args) {
        try {
            Files.createDirectories(file.getParent());
            MAPPER.writeValue(file.toFile(), toJson(results, elapsed, metadata, args));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + file + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> toJson(List<Entry> results, double elapsed, ArtifactMetadata metadata, Map<String, Object> args) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", metadata.toJson(SCHEMA, null, null, null));
        List<Object> out = new ArrayList<>();
        for (Entry e : results) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", e.status());
            r.put("timing", timing(e.compileStarted(), e.compileCompleted(), e.executeStarted(), e.executeCompleted()));
            r.put("thread_id", e.threadId());
            r.put("execution_time", e.executionTime());
            r.put("adapter_response", e.adapterResponse());
            r.put("message", e.message());
            r.put("failures", e.failures());
            r.put("unique_id", e.uniqueId());
            r.put("compiled", e.compiled());
            r.put("compiled_code", e.compiledCode());
            r.put("relation_name", e.relationName());
            r.put("batch_results", e.batchResults());
            out.add(r);
        }
        root.put("results", out);
        root.put("elapsed_time", elapsed);
        root.put("args", args);
        return root;
    }

    /** A result's {@code timing} list as dbt writes it: compile and execute, each only when both of its times are known. */
    static List<Object> timing(Instant compileStarted, Instant compileCompleted, Instant executeStarted, Instant executeCompleted) {
        List<Object> timing = new ArrayList<>();
        if (compileStarted != null && compileCompleted != null) {
            timing.add(timing("compile", compileStarted, compileCompleted));
        }
        if (executeStarted != null && executeCompleted != null) {
            timing.add(timing("execute", executeStarted, executeCompleted));
        }
        return timing;
    }

    private static Map<String, Object> timing(String name, Instant started, Instant completed) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("started_at", ArtifactMetadata.iso(started));
        t.put("completed_at", ArtifactMetadata.iso(completed));
        return t;
    }
}

package io.slipway.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code sources.json} ({@code source freshness}) in dbt's schema v3. */
public final class SourcesWriter {
    public static final String SCHEMA = "sources/v3";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SourcesWriter() {
    }

    /**
     * One source's check.
     *
     * @param status   {@code pass}, {@code warn}, {@code error} or {@code runtime error}
     * @param error    for a runtime error, what went wrong; else null
     * @param criteria the source's {@code freshness} ({@code warn_after}, {@code error_after}, {@code filter})
     */
    public record Entry(String uniqueId, String status, String error, Instant maxLoadedAt, Instant snapshottedAt, double age,
                        Map<String, Object> criteria, Map<String, Object> adapterResponse, Instant compileStarted,
                        Instant compileCompleted, Instant executeStarted, Instant executeCompleted, String threadId, double executionTime) {
    }

    public static void write(Path file, List<Entry> results, double elapsed, ArtifactMetadata metadata) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            MAPPER.writeValue(file.toFile(), toJson(results, elapsed, metadata));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + file + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> toJson(List<Entry> results, double elapsed, ArtifactMetadata metadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", metadata.toJson(SCHEMA, null, null, null));
        List<Object> out = new ArrayList<>();
        for (Entry e : results) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("unique_id", e.uniqueId());
            if (e.status().equals("runtime error")) {
                r.put("error", e.error());
                r.put("status", e.status());
                out.add(r);
                continue;
            }
            r.put("max_loaded_at", pythonIso(e.maxLoadedAt()));
            r.put("snapshotted_at", pythonIso(e.snapshottedAt()));
            r.put("max_loaded_at_time_ago_in_s", e.age());
            r.put("status", e.status());
            r.put("criteria", e.criteria());
            r.put("adapter_response", e.adapterResponse());
            r.put("timing", RunResultsWriter.timing(e.compileStarted(), e.compileCompleted(), e.executeStarted(), e.executeCompleted()));
            r.put("thread_id", e.threadId());
            r.put("execution_time", e.executionTime());
            out.add(r);
        }
        root.put("results", out);
        root.put("elapsed_time", elapsed);
        return root;
    }

    /** Python's {@code datetime.isoformat()} of a UTC time: microseconds only when not zero, then {@code +00:00}. */
    public static String pythonIso(Instant instant) {
        OffsetDateTime t = instant.atOffset(ZoneOffset.UTC);
        String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return base + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
    }
}

package io.slipway.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code source_status:fresher}: sources whose newest load ({@code max_loaded_at}) in this target's
 * {@code sources.json} is later than in the {@code --state} run's, or that the state did not check; sources either
 * run could not check are left out, as dbt's {@code SourceStatusSelectorMethod}.
 */
public final class SourceStatusMethod implements SelectorMethod {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PreviousState state;
    private final Path targetDir;

    /**
     * @param state     the {@code --state} directory, or null when none was given
     * @param targetDir this project's target directory, whose sources.json is the current freshness
     */
    public SourceStatusMethod(PreviousState state, Path targetDir) {
        this.state = state;
        this.targetDir = targetDir;
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        if (state == null) {
            throw new SlipwayException(ErrorCode.USAGE, "'" + criteria.raw() + "' compares source freshness with a previous run, but no "
                    + "--state was given: pass --state with the target directory holding that run's sources.json (or set DBT_STATE)");
        }
        Map<String, OffsetDateTime> previous = new HashMap<>();
        Set<String> previousErrors = new HashSet<>();
        read(state.dir().resolve("sources.json"), "previous", previous, previousErrors);
        Map<String, OffsetDateTime> current = new HashMap<>();
        Set<String> currentErrors = new HashSet<>();
        read(targetDir.resolve("sources.json"), "current", current, currentErrors);
        Set<String> matches = new HashSet<>();
        if (criteria.valueString().equals("fresher")) {
            current.forEach((id, loaded) -> {
                OffsetDateTime before = previous.get(id);
                if (before == null || loaded.isAfter(before)) {
                    matches.add(id);
                }
            });
            matches.removeAll(previousErrors);
            matches.removeAll(currentErrors);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : candidates) {
            if (matches.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static void read(Path file, String which, Map<String, OffsetDateTime> loaded, Set<String> errors) {
        if (!Files.exists(file)) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, "No " + which + " state comparison freshness results in sources.json: "
                    + file + " does not exist; run 'slipway source freshness' first", file.toString(), 0);
        }
        try {
            for (JsonNode result : JSON.readTree(Files.readString(file)).path("results")) {
                String id = result.path("unique_id").asText();
                JsonNode maxLoadedAt = result.get("max_loaded_at");
                if (maxLoadedAt == null || maxLoadedAt.isNull()) {
                    errors.add(id);
                } else {
                    loaded.put(id, parse(maxLoadedAt.asText()));
                }
            }
        } catch (IOException | DateTimeParseException e) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, file + " is not a readable sources.json: " + e.getMessage(), file.toString(), 0);
        }
    }

    /** A sources.json time: ISO with an offset, or without one (then UTC, as dbt writes naive times with a Z). */
    private static OffsetDateTime parse(String text) {
        String t = text.endsWith("Z") && text.length() > 6 && (text.charAt(text.length() - 7) == '+' || text.charAt(text.length() - 7) == '-')
                ? text.substring(0, text.length() - 1) : text;
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(t.endsWith("Z") ? t.substring(0, t.length() - 1) : t).atOffset(java.time.ZoneOffset.UTC);
        }
    }
}

package io.slipway.core.event;

import io.slipway.core.project.Frozen;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened during an invocation.
 *
 * @param code    a stable code in dbt's style ({@code Q011} node start, {@code Z046}, ...); see {@link EventCode}
 * @param message the line the console prints
 * @param data    structured fields (node id, status, timing) for JSON logs and the server
 * @param thread  the worker thread name, or {@code MainThread}
 */
public record Event(EventCode code, Level level, String message, Map<String, Object> data, Instant timestamp, String thread) {
    public Event {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(level, "level is null");
        Objects.requireNonNull(message, "message is null");
        data = Frozen.map(data);
        Objects.requireNonNull(timestamp, "timestamp is null");
        Objects.requireNonNull(thread, "thread is null");
    }

    public static Event of(EventCode code, Level level, String message, Map<String, Object> data) {
        String thread = Thread.currentThread().getName();
        return new Event(code, level, message, data, Instant.now(), thread);
    }
}

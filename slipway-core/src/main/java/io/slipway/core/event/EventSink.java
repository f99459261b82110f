package io.slipway.core.event;

/** Receives events; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface EventSink {
    void emit(Event event);

    static EventSink discard() {
        return event -> {
        };
    }
}

package io.slipway.core.execution;

import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;

import java.util.Map;

/** Emits an invocation's events. */
final class Reporter {
    private final EventSink sink;

    Reporter(EventSink sink) {
        this.sink = sink;
    }

    EventSink sink() {
        return sink;
    }

    void info(String message) {
        sink.emit(Event.of(EventCode.Z003_MESSAGE, Level.INFO, message, Map.of()));
    }

    void warn(String message) {
        sink.emit(Event.of(EventCode.Z004_WARNING, Level.WARN, message, Map.of()));
    }

    void error(String message) {
        sink.emit(Event.of(EventCode.Z003_MESSAGE, Level.ERROR, message, Map.of()));
    }

    void emit(EventCode code, Level level, String message, Map<String, Object> data) {
        sink.emit(Event.of(code, level, message, data));
    }
}

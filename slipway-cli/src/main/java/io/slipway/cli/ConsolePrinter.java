package io.slipway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prints events as dbt does: text lines with a time prefix ({@code 12:00:01  1 of 5 START ...}), or one
 * JSON object per line with {@code --log-format json}. Command output ({@code ls}, {@code show},
 * {@code compile}, {@code print()}) is printed bare, and is all that {@code --quiet} keeps besides errors.
 */
final class ConsolePrinter implements EventSink {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final Set<EventCode> OUTPUT = Set.of(EventCode.Q040_SHOW_RESULT, EventCode.Q041_COMPILED, EventCode.Q042_LIST_ITEM);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final boolean json;
    private final boolean quiet;
    private final boolean debug;

    ConsolePrinter(PrintStream out, boolean json, boolean quiet) {
        this(out, json, quiet, false);
    }

    ConsolePrinter(PrintStream out, boolean json, boolean quiet, boolean debug) {
        this.out = out;
        this.json = json;
        this.quiet = quiet;
        this.debug = debug;
    }

    @Override
    public synchronized void emit(Event event) {
        if (event.level() == Level.DEBUG && (!debug || quiet)) {
            return;
        }
        boolean output = OUTPUT.contains(event.code()) || Boolean.TRUE.equals(event.data().get("print"));
        if (quiet && !output && event.level() != Level.ERROR) {
            return;
        }
        if (json) {
            out.println(toJson(event));
        } else if (output) {
            out.println(event.message());
        } else {
            out.println(TIME.format(event.timestamp()) + "  " + event.message());
        }
        out.flush();
    }

    private String toJson(Event event) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", event.code().name().substring(event.code().name().indexOf('_') + 1));
        info.put("code", event.code().name().substring(0, event.code().name().indexOf('_')));
        info.put("msg", event.message());
        info.put("level", event.level().name().toLowerCase(java.util.Locale.ROOT));
        info.put("pid", ProcessHandle.current().pid());
        info.put("thread", event.thread());
        info.put("ts", event.timestamp().toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("info", info);
        root.put("data", event.data());
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return "{\"info\": {\"msg\": " + MAPPER.valueToTree(event.message()) + "}}";
        }
    }
}

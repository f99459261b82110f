package io.slipway.jinja.conformance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Objects;

/**
 * One case of {@code cases/<topic>.yaml}.
 *
 * @param context  the case's own context as read (converted to fresh Python values for every render)
 * @param modules  module name to template source, in file order
 */
record ConformanceCase(String topic, String name, String template, JsonNode context, CaseOptions options,
                       Map<String, String> modules) {
    ConformanceCase {
        Objects.requireNonNull(topic, "topic is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(template, "template is null");
        Objects.requireNonNull(options, "options is null");
        modules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modules));
    }

    /** {@code <topic>/<name>}, as the known-mismatch file and the test names spell it. */
    String id() {
        return topic + "/" + name;
    }
}

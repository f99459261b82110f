package io.slipway.jinja.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The conformance files as read from the test classpath: the shared context, every case, every golden and
 * the known mismatches. Values of contexts are converted to the engine's Python value model.
 */
final class Corpus {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final JsonNode sharedContext;
    private final List<ConformanceCase> cases;
    private final Map<String, Outcome> goldens;
    private final Map<String, String> knownMismatches;

    private Corpus(JsonNode sharedContext, List<ConformanceCase> cases, Map<String, Outcome> goldens,
                   Map<String, String> knownMismatches) {
        this.sharedContext = sharedContext;
        this.cases = cases;
        this.goldens = goldens;
        this.knownMismatches = knownMismatches;
    }

    /** Reads {@code /conformance} of the test classpath. */
    static Corpus load() {
        try {
            var url = Corpus.class.getResource("/conformance/context.yaml");
            if (url == null) {
                throw new IllegalStateException("conformance/context.yaml is not on the test classpath");
            }
            return load(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Corpus load(Path dir) {
        JsonNode shared = readYaml(dir.resolve("context.yaml"));
        if (!shared.isObject()) {
            throw new IllegalStateException("context.yaml must be a mapping");
        }
        List<ConformanceCase> cases = new ArrayList<>();
        Map<String, Outcome> goldens = new LinkedHashMap<>();
        for (Path file : list(dir.resolve("cases"), ".yaml")) {
            cases.addAll(readCases(topicOf(file), readYaml(file)));
        }
        for (Path file : list(dir.resolve("golden"), ".json")) {
            String topic = topicOf(file);
            for (Map.Entry<String, JsonNode> entry : readJson(file).properties()) {
                goldens.put(topic + "/" + entry.getKey(), outcomeOf(entry.getValue()));
            }
        }
        Map<String, String> known = new LinkedHashMap<>();
        JsonNode mismatches = readYaml(dir.resolve("known-mismatches.yaml"));
        for (JsonNode entry : mismatches) {
            String id = entry.path("case").asText();
            if (known.put(id, entry.path("reason").asText()) != null) {
                throw new IllegalStateException("known-mismatches.yaml lists " + id + " twice");
            }
        }
        return new Corpus(shared, List.copyOf(cases), goldens, known);
    }

    List<ConformanceCase> cases() {
        return cases;
    }

    /** Golden outcome by case id ({@code topic/name}), in file order. */
    Map<String, Outcome> goldens() {
        return goldens;
    }

    /** Reason by case id, for cases the engine is known not to match yet. */
    Map<String, String> knownMismatches() {
        return knownMismatches;
    }

    /** A fresh, mutable copy of the shared context with the case's context merged over it. */
    Map<String, Object> contextFor(ConformanceCase c) {
        Map<String, Object> context = new LinkedHashMap<>();
        putAll(context, sharedContext);
        if (c.context() != null) {
            putAll(context, c.context());
        }
        return context;
    }

    private static void putAll(Map<String, Object> target, JsonNode mapping) {
        for (Map.Entry<String, JsonNode> e : mapping.properties()) {
            target.put(e.getKey(), pythonValue(e.getValue()));
        }
    }

    /** YAML/JSON data as the engine's Python values: str, int (Long or BigInteger), float, bool, None, list, dict. */
    static Object pythonValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Object) value.longValue() : value;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(pythonValue(item)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            putAll(map, node);
            return map;
        }
        throw new IllegalStateException("not JSON-compatible data: " + node);
    }

    private static List<ConformanceCase> readCases(String topic, JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalStateException("cases/" + topic + ".yaml must be a YAML list");
        }
        List<ConformanceCase> cases = new ArrayList<>();
        for (JsonNode node : list) {
            Map<String, String> modules = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.path("modules").properties()) {
                modules.put(e.getKey(), e.getValue().textValue());
            }
            JsonNode context = node.get("context");
            cases.add(new ConformanceCase(topic, node.path("name").textValue(), node.path("template").textValue(),
                    context == null || context.isNull() ? null : context, optionsOf(node.path("options")), modules));
        }
        return cases;
    }

    private static CaseOptions optionsOf(JsonNode options) {
        if (options.isMissingNode() || options.isNull()) {
            return CaseOptions.DEFAULTS;
        }
        return new CaseOptions(
                options.path("trim_blocks").asBoolean(false),
                options.path("lstrip_blocks").asBoolean(false),
                options.path("keep_trailing_newline").asBoolean(false),
                CaseOptions.undefinedMode(options.path("undefined").asText("default")));
    }

    private static Outcome outcomeOf(JsonNode golden) {
        if (golden.has("output")) {
            return new Outcome.Output(golden.get("output").textValue());
        }
        JsonNode error = golden.get("error");
        if (error == null) {
            throw new IllegalStateException("a golden needs output or error: " + golden);
        }
        return new Outcome.Error(error.path("type").textValue(), error.path("message").textValue(),
                error.has("line") ? error.get("line").intValue() : null);
    }

    private static String topicOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

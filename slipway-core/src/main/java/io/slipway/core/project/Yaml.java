package io.slipway.core.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into plain Java values (LinkedHashMap, ArrayList, String, Long, Double, Boolean, null). */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {
    }

    /** Reads a YAML file; a parse error names the file and line. Returns null for an empty file. */
    public static Object read(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SlipwayException(ErrorCode.YAML_INVALID, "file not found: " + displayName, displayName, 0);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.YAML_INVALID, "could not read " + displayName + ": " + e.getMessage(), displayName, 0);
        }
        return parse(text, displayName);
    }

    /** Parses YAML text; a parse error names {@code displayName} and the line. */
    public static Object parse(String text, String displayName) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : toJava(node);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            throw new SlipwayException(ErrorCode.YAML_INVALID,
                    "invalid YAML in " + displayName + (line > 0 ? " at line " + line : "") + ": " + e.getOriginalMessage(),
                    displayName, line, e);
        }
    }

    /** Converts a Jackson tree into plain Java values. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(toJava(item));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** The value as a map, or an error naming {@code what} and the file. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value, String what, String file) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, what + " in " + file + " must be a mapping, got: " + describe(value), file, 0);
    }

    /** The value as a list (a single value becomes a one-element list), or empty for null. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object value) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        List<Object> one = new ArrayList<>();
        one.add(value);
        return one;
    }

    /** The value as a string, or null. */
    public static String asString(Object value) {
        return value == null ? null : value.toString();
    }

    static String describe(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

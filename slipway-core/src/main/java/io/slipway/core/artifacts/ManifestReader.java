package io.slipway.core.artifacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.state.StateMacro;
import io.slipway.core.state.StateManifest;
import io.slipway.core.state.StateNode;
import io.slipway.core.state.StateSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a previous {@code manifest.json} (Slipway's, or dbt-core 1.x's in schema v10, v11 or v12) into what
 * state comparison and deferral need. Fields a version lacks take dbt's defaults; older schemas are refused,
 * as dbt refuses them.
 */
public final class ManifestReader {
    /** The oldest manifest schema read: v10 is dbt 1.6, the first with today's node shapes (contracts, access). */
    public static final int OLDEST_SCHEMA = 10;
    private static final Pattern VERSION = Pattern.compile("/manifest/v(\\d+)\\.json$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestReader() {
    }

    /** Reads {@code manifest.json} in a state directory. */
    public static StateManifest readDir(Path stateDir) {
        return read(stateDir.resolve("manifest.json"));
    }

    public static StateManifest read(Path file) {
        Map<String, Object> root = json(file, "manifest.json");
        Map<String, Object> metadata = map(root.get("metadata"));
        int version = schemaVersion(file, metadata);
        Map<String, StateNode> nodes = new LinkedHashMap<>();
        map(root.get("nodes")).forEach((id, value) -> nodes.put(id, node(id, map(value))));
        // unit tests (dbt 1.8) have a section of their own; compared like nodes, by their checksum
        map(root.get("unit_tests")).forEach((id, value) -> nodes.put(id, node(id, map(value))));
        map(root.get("exposures")).forEach((id, value) -> nodes.put(id, node(id, map(value))));
        Map<String, StateSource> sources = new LinkedHashMap<>();
        map(root.get("sources")).forEach((id, value) -> sources.put(id, source(id, map(value))));
        Map<String, StateMacro> macros = new LinkedHashMap<>();
        map(root.get("macros")).forEach((id, value) -> {
            Map<String, Object> m = map(value);
            macros.put(id, new StateMacro(id, string(m.get("name")), string(m.get("package_name")), string(m.get("macro_sql")),
                    strings(map(m.get("depends_on")).get("macros"))));
        });
        return new StateManifest(file, version, string(metadata.get("dbt_version")), string(metadata.get("project_name")),
                string(metadata.get("adapter_type")), nodes, sources, macros);
    }

    /** The parsed JSON object in a file, or a {@code STATE_INVALID} error naming the file. */
    static Map<String, Object> json(Path file, String what) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, "No " + what + " in the state directory " + file.getParent()
                    + ": point --state at the target directory of the run to compare with (it needs " + file.getFileName() + ")",
                    file.toString(), 0);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, "Could not read " + file + ": " + e.getMessage(), file.toString(), 0);
        }
        Object parsed;
        try {
            parsed = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, file + " is not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + "); regenerate it with a run of the state's project",
                    file.toString(), e.getLocation().getLineNr());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, file + " is not a dbt " + what + " (the top level is not an object)",
                    file.toString(), 0);
        }
        return map(parsed);
    }

    private static int schemaVersion(Path file, Map<String, Object> metadata) {
        String url = string(metadata.get("dbt_schema_version"));
        Matcher m = url == null ? null : VERSION.matcher(url);
        if (m == null || !m.find()) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, file + " is not a dbt manifest: metadata.dbt_schema_version is "
                    + (url == null ? "missing" : "'" + url + "'"), file.toString(), 0);
        }
        int version = Integer.parseInt(m.group(1));
        if (version < OLDEST_SCHEMA) {
            throw new SlipwayException(ErrorCode.STATE_INVALID, file + " has manifest schema v" + version + " (dbt "
                    + metadata.get("dbt_version") + "); Slipway reads v" + OLDEST_SCHEMA + " (dbt 1.6) and later. "
                    + "Regenerate the state with a newer dbt or with Slipway.", file.toString(), 0);
        }
        return version;
    }

    private static StateNode node(String id, Map<String, Object> n) {
        Map<String, Object> checksum = map(n.get("checksum"));
        Map<String, Object> contract = map(n.get("contract"));
        Map<String, Object> config = map(n.get("config"));
        Map<String, StateNode.StateColumn> columns = new LinkedHashMap<>();
        map(n.get("columns")).forEach((name, value) -> {
            Map<String, Object> c = map(value);
            columns.put(name, new StateNode.StateColumn(name, string(c.get("description")), string(c.get("data_type")),
                    list(c.get("constraints"))));
        });
        Map<String, Object> dependsOn = map(n.get("depends_on"));
        String type = string(n.get("resource_type"));
        Object access = n.get("access");
        if (access == null && "model".equals(type)) {
            access = "protected";
        }
        return new StateNode(id, type == null ? "" : type, string(n.get("package_name")), string(n.get("name")), strings(n.get("fqn")),
                n.get("checksum") instanceof String unitTestChecksum ? new FileChecksum("sha256", unitTestChecksum)
                : checksum.isEmpty() ? FileChecksum.none()
                        : new FileChecksum(string(checksum.get("name")), String.valueOf(checksum.getOrDefault("checksum", ""))),
                "exposure".equals(type) ? io.slipway.core.manifest.ExposureSpec.fingerprint(n.get("type"), n.get("owner"), n.get("label"),
                        n.get("maturity"), n.get("url")) : string(n.get("raw_code")), config, map(n.get("unrendered_config")), string(n.get("database")), string(n.get("schema")),
                string(n.get("alias")), string(n.get("relation_name")), string(n.get("description")), columns,
                strings(dependsOn.get("macros")), strings(dependsOn.get("nodes")), n.get("test_metadata") != null,
                Boolean.TRUE.equals(contract.get("enforced")), string(contract.get("checksum")), string(access),
                string(n.get("version")), string(n.get("latest_version")), string(n.get("deprecation_date")),
                string(n.get("compiled_code")));
    }

    private static StateSource source(String id, Map<String, Object> s) {
        Object freshness = s.get("freshness");
        return new StateSource(id, string(s.get("database")), string(s.get("schema")), string(s.get("identifier")),
                strings(s.get("fqn")), map(s.get("unrendered_config")), map(s.get("quoting")), map(freshness),
                string(s.get("loaded_at_field")), s.get("external"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    /** A JSON scalar as text (versions may be numbers), or null. */
    static String string(Object value) {
        return value == null ? null : value.toString();
    }
}

package io.slipway.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DocBlock;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code manifest.json} in dbt's schema v12, node by node in dbt's field order. */
public final class ManifestWriter {
    public static final String SCHEMA = "manifest/v12";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestWriter() {
    }

    /**
     * Writes the manifest. Large projects have tens of thousands of nodes, so the node and graph sections
     * are serialized in chunks on every core, straight from the nodes, and written in order as they finish
     * while this thread builds the parent and child maps.
     */
    public static void write(Path file, Manifest manifest, List<Node> disabled, ArtifactMetadata metadata, Map<String, CompiledInfo> compiled) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "slipway-manifest-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Files.createDirectories(file.getParent());
            List<Node> nodes = new ArrayList<>(manifest.nodes().values());
            // unit tests and exposures have sections of their own
            nodes.removeIf(n -> n.resourceType() == ResourceType.UNIT_TEST || n.resourceType() == ResourceType.EXPOSURE);
            List<java.util.concurrent.Future<Chunk>> nodeChunks = chunks(pool, nodes.size(), (json, from, to) -> {
                for (Node n : nodes.subList(from, to)) {
                    json.writeFieldName(n.uniqueId());
                    json.writeStartObject();
                    node(n, compiled.get(n.uniqueId()), fieldsOf(json));
                    json.writeEndObject();
                }
            });
            Map<String, Object> root = toJson(manifest, disabled, metadata, compiled, false);
            List<java.util.concurrent.Future<Chunk>> parentChunks = mapChunks(pool, manifest.parentMap());
            List<java.util.concurrent.Future<Chunk>> childChunks = mapChunks(pool, manifest.childMap());
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, Object> section : root.entrySet()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    out.write(MAPPER.writeValueAsBytes(section.getKey()));
                    out.write(':');
                    switch (section.getKey()) {
                        case "nodes" -> writeObject(out, nodeChunks);
                        case "parent_map" -> writeObject(out, parentChunks);
                        case "child_map" -> writeObject(out, childChunks);
                        default -> out.write(bytes(section.getValue()));
                    }
                }
                out.write('}');
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + file + ": " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<java.util.concurrent.Future<Chunk>> mapChunks(java.util.concurrent.ExecutorService pool,
                                                                      Map<String, List<String>> map) {
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(map.entrySet());
        return chunks(pool, entries.size(), (json, from, to) -> {
            for (Map.Entry<String, List<String>> e : entries.subList(from, to)) {
                json.writeFieldName(e.getKey());
                JsonValues.write(json, e.getValue());
            }
        });
    }

    /** Writes the entries [from, to) of a large object as fields of an open JSON object. */
    private interface ChunkBody {
        void write(com.fasterxml.jackson.core.JsonGenerator json, int from, int to) throws IOException;
    }

    /** A buffer holding one serialized chunk: an object, of which the body (without its braces) is written out. */
    private static final class Chunk extends java.io.ByteArrayOutputStream {
        Chunk() {
            super(1 << 16);
        }

        void writeBodyTo(java.io.OutputStream out) throws IOException {
            out.write(buf, 1, count - 2);
        }

        boolean isEmpty() {
            return count <= 2;
        }
    }

    /** Serializes a large object's entries in chunks on the pool, each as an object of its own. */
    private static List<java.util.concurrent.Future<Chunk>> chunks(java.util.concurrent.ExecutorService pool, int size, ChunkBody body) {
        int chunk = 1_000;
        List<java.util.concurrent.Future<Chunk>> out = new ArrayList<>();
        for (int from = 0; from < size; from += chunk) {
            int start = from;
            int end = Math.min(size, from + chunk);
            out.add(pool.submit(() -> {
                Chunk bytes = new Chunk();
                try (com.fasterxml.jackson.core.JsonGenerator json = MAPPER.getFactory().createGenerator(bytes)) {
                    json.writeStartObject();
                    body.write(json, start, end);
                    json.writeEndObject();
                }
                return bytes;
            }));
        }
        return out;
    }

    private static void writeObject(java.io.OutputStream out, List<java.util.concurrent.Future<Chunk>> bodies) throws IOException {
        out.write('{');
        boolean first = true;
        for (java.util.concurrent.Future<Chunk> future : bodies) {
            Chunk body = result(future);
            if (!body.isEmpty()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                body.writeBodyTo(out);
            }
        }
        out.write('}');
    }

    private static Chunk result(java.util.concurrent.Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static byte[] bytes(Object value) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator json = MAPPER.getFactory().createGenerator(buffer)) {
            JsonValues.write(json, value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Where a node's fields go, in order: a map, or straight into the JSON being written. */
    private interface Fields {
        void put(String key, Object value);
    }

    private static Fields fieldsOf(com.fasterxml.jackson.core.JsonGenerator json) {
        return (key, value) -> {
            try {
                json.writeFieldName(key);
                JsonValues.write(json, value);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    public static Map<String, Object> toJson(Manifest manifest, List<Node> disabled, ArtifactMetadata metadata, Map<String, CompiledInfo> compiled) {
        return toJson(manifest, disabled, metadata, compiled, true);
    }

    /** The manifest as maps; without {@code withLargeSections} the node and graph sections are left empty for the caller to write. */
    private static Map<String, Object> toJson(Manifest manifest, List<Node> disabled, ArtifactMetadata metadata, Map<String, CompiledInfo> compiled,
                                              boolean withLargeSections) {
        Map<String, Object> quoting = new LinkedHashMap<>();
        quoting.put("database", true);
        quoting.put("schema", true);
        quoting.put("identifier", true);
        quoting.put("column", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", metadata.toJson(SCHEMA, manifest.projectName(), manifest.adapterType(), quoting));
        // one pass: unit tests and exposures have sections of their own
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> exposures = new LinkedHashMap<>();
        Map<String, Object> unitTests = new LinkedHashMap<>();
        for (Node node : manifest.nodes().values()) {
            switch (node.resourceType()) {
                case EXPOSURE -> exposures.put(node.uniqueId(), exposure(node));
                case UNIT_TEST -> unitTests.put(node.uniqueId(), unitTest(node));
                default -> {
                    if (withLargeSections) {
                        nodes.put(node.uniqueId(), node(node, compiled.get(node.uniqueId())));
                    }
                }
            }
        }
        root.put("nodes", nodes);
        Map<String, Object> sources = new LinkedHashMap<>();
        for (SourceDefinition source : manifest.sources().values()) {
            sources.put(source.uniqueId(), source(source));
        }
        root.put("sources", sources);
        Map<String, Object> macros = new LinkedHashMap<>();
        for (MacroNode macro : manifest.macros().values()) {
            macros.put(macro.uniqueId(), macro(macro));
        }
        root.put("macros", macros);
        Map<String, Object> docs = new LinkedHashMap<>();
        for (DocBlock doc : manifest.docs().values()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", doc.name());
            d.put("resource_type", "doc");
            d.put("package_name", doc.packageName());
            d.put("path", doc.path());
            d.put("original_file_path", doc.originalFilePath());
            d.put("unique_id", doc.uniqueId());
            d.put("block_contents", doc.blockContents());
            docs.put(doc.uniqueId(), d);
        }
        root.put("docs", docs);
        root.put("exposures", exposures);
        root.put("metrics", Map.of());
        Map<String, Object> groups = new LinkedHashMap<>();
        manifest.groups().forEach((id, g) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", g.name());
            group.put("resource_type", "group");
            group.put("package_name", g.packageName());
            group.put("path", g.path());
            group.put("original_file_path", g.originalFilePath());
            group.put("unique_id", id);
            group.put("owner", g.owner());
            group.put("description", g.description());
            group.put("config", Map.of("meta", Map.of()));
            groups.put(id, group);
        });
        root.put("groups", groups);
        root.put("selectors", Map.of());
        Map<String, Object> disabledMap = new LinkedHashMap<>();
        for (Node node : disabled) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) disabledMap.computeIfAbsent(node.uniqueId(), k -> new ArrayList<>());
            list.add(node.resourceType() == ResourceType.UNIT_TEST ? unitTest(node)
                    : node.resourceType() == ResourceType.EXPOSURE ? exposure(node) : node(node, null));
        }
        root.put("disabled", disabledMap);
        root.put("parent_map", withLargeSections ? manifest.parentMap() : Map.of());
        root.put("child_map", withLargeSections ? manifest.childMap() : Map.of());
        Map<String, List<String>> groupMap = new java.util.TreeMap<>();
        if (!manifest.groups().isEmpty()) {
            for (Node node : manifest.nodes().values()) {
                Object group = node.config().get("group");
                if (group != null && !group.toString().isEmpty()) {
                    groupMap.computeIfAbsent(group.toString(), k -> new ArrayList<>()).add(node.uniqueId());
                }
            }
        }
        root.put("group_map", groupMap);
        root.put("saved_queries", Map.of());
        root.put("semantic_models", Map.of());
        root.put("unit_tests", unitTests);
        return root;
    }

    /** dbt's {@code Exposure}: the declaration, with its refs and sources resolved into depends_on. */
    public static Map<String, Object> exposure(Node n) {
        io.slipway.core.manifest.ExposureSpec spec = n.exposure();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("resource_type", "exposure");
        m.put("package_name", n.packageName());
        m.put("path", n.path());
        m.put("original_file_path", n.originalFilePath());
        m.put("unique_id", n.uniqueId());
        m.put("fqn", n.fqn());
        m.put("type", spec.type());
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("email", spec.owner().get("email"));
        owner.put("name", spec.owner().get("name"));
        m.put("owner", owner);
        m.put("description", n.description());
        m.put("label", spec.label());
        m.put("maturity", spec.maturity());
        m.put("meta", n.meta());
        m.put("tags", n.tags());
        m.put("config", n.config().values());
        m.put("unrendered_config", n.unrenderedConfig());
        m.put("url", spec.url());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", n.dependsOn().macros());
        dependsOn.put("nodes", n.dependsOn().nodes());
        m.put("depends_on", dependsOn);
        m.put("refs", refs(n));
        m.put("sources", n.sources());
        m.put("metrics", List.of());
        m.put("created_at", 0.0);
        return m;
    }

    /** A node's refs as the manifest writes them ({@code name}, {@code package}, {@code version}). */
    private static List<Object> refs(Node n) {
        List<Object> refs = new ArrayList<>();
        for (RefCall r : n.refs()) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", r.name());
            ref.put("package", r.packageName());
            ref.put("version", r.version());
            refs.add(ref);
        }
        return refs;
    }

    /** dbt's {@code UnitTestDefinition}: the declaration as read, with the tested model in depends_on. */
    static Map<String, Object> unitTest(Node n) {
        io.slipway.core.manifest.UnitTestSpec spec = n.unitTest();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", spec.model());
        List<Object> given = new ArrayList<>();
        spec.given().forEach(f -> given.add(f.toJson(true)));
        m.put("given", given);
        m.put("expect", spec.expect().toJson(false));
        m.put("name", n.name());
        m.put("resource_type", "unit_test");
        m.put("package_name", n.packageName());
        m.put("path", n.path());
        m.put("original_file_path", n.originalFilePath());
        m.put("unique_id", n.uniqueId());
        m.put("fqn", n.fqn());
        m.put("description", n.description());
        if (spec.overrides().isEmpty()) {
            m.put("overrides", null);
        } else {
            Map<String, Object> overrides = new LinkedHashMap<>();
            for (String kind : List.of("macros", "vars", "env_vars")) {
                overrides.put(kind, spec.overrides(kind));
            }
            m.put("overrides", overrides);
        }
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", n.dependsOn().macros());
        dependsOn.put("nodes", n.dependsOn().nodes());
        m.put("depends_on", dependsOn);
        m.put("config", n.config().values());
        m.put("checksum", n.checksum().checksum());
        m.put("schema", n.schema());
        m.put("created_at", 0.0);
        m.put("versions", spec.versions());
        m.put("version", n.versionInfo().version());
        return m;
    }

    static Map<String, Object> node(Node n, CompiledInfo compiled) {
        Map<String, Object> m = new LinkedHashMap<>();
        node(n, compiled, m::put);
        return m;
    }

    private static void node(Node n, CompiledInfo compiled, Fields m) {
        m.put("database", n.database());
        m.put("schema", n.schema());
        m.put("name", n.name());
        m.put("resource_type", n.resourceType().dbtName());
        m.put("package_name", n.packageName());
        m.put("path", n.path());
        m.put("original_file_path", n.originalFilePath());
        m.put("unique_id", n.uniqueId());
        m.put("fqn", n.fqn());
        m.put("alias", n.alias());
        Map<String, Object> checksum = new LinkedHashMap<>();
        checksum.put("name", n.checksum().name());
        checksum.put("checksum", n.checksum().checksum());
        m.put("checksum", checksum);
        m.put("config", n.config().values());
        m.put("tags", n.tags());
        m.put("description", n.description());
        m.put("columns", columns(n.columns()));
        m.put("meta", n.meta());
        m.put("group", n.config().get("group"));
        Object docs = n.config().get("docs");
        m.put("docs", docs != null ? docs : Map.of("show", true));
        m.put("patch_path", n.patchPath());
        m.put("build_path", null);
        m.put("unrendered_config", n.unrenderedConfig());
        m.put("created_at", 0.0);
        m.put("config_call_dict", n.configCallDict());
        m.put("unrendered_config_call_dict", Map.of());
        m.put("relation_name", n.relationName());
        m.put("raw_code", n.rawCode() == null ? "" : n.rawCode());
        m.put("doc_blocks", List.of());
        if (n.resourceType() == ResourceType.SEED) {
            m.put("root_path", null);
            Map<String, Object> dependsOn = new LinkedHashMap<>();
            dependsOn.put("macros", n.dependsOn().macros());
            m.put("depends_on", dependsOn);
            return;
        }
        m.put("language", n.language() == null ? "sql" : n.language());
        m.put("refs", refs(n));
        m.put("sources", n.sources());
        m.put("metrics", List.of());
        m.put("functions", List.of());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", n.dependsOn().macros());
        dependsOn.put("nodes", n.dependsOn().nodes());
        m.put("depends_on", dependsOn);
        if (compiled != null) {
            m.put("compiled_path", compiled.compiledPath());
            m.put("compiled", true);
            m.put("compiled_code", compiled.compiledCode());
            m.put("extra_ctes_injected", true);
            m.put("extra_ctes", List.of());
        } else {
            m.put("compiled_path", null);
        }
        Map<String, Object> contract = new LinkedHashMap<>();
        Object configured = n.config().get("contract");
        contract.put("enforced", configured instanceof Map<?, ?> c && Boolean.TRUE.equals(c.get("enforced")));
        contract.put("alias_types", !(configured instanceof Map<?, ?> c2) || !Boolean.FALSE.equals(c2.get("alias_types")));
        contract.put("checksum", io.slipway.core.state.ContractChecksum.of(n));
        m.put("contract", contract);
        switch (n.resourceType()) {
            case MODEL -> {
                m.put("access", n.config().get("access") == null ? "protected" : n.config().get("access"));
                m.put("constraints", List.of());
                m.put("version", n.versionInfo().version());
                m.put("latest_version", n.versionInfo().latestVersion());
                m.put("deprecation_date", n.versionInfo().deprecationDate());
                m.put("primary_key", List.of());
                m.put("time_spine", null);
            }
            case TEST -> {
                if (n.testMetadata() != null) {
                    m.put("column_name", n.columnName());
                    m.put("file_key_name", fileKeyName(n));
                    m.put("attached_node", n.attachedNode());
                    Map<String, Object> tm = new LinkedHashMap<>();
                    tm.put("name", n.testMetadata().name());
                    tm.put("kwargs", n.testMetadata().kwargs());
                    tm.put("namespace", n.testMetadata().namespace());
                    m.put("test_metadata", tm);
                }
            }
            default -> {
            }
        }
    }

    /** dbt's {@code file_key_name}: the properties section and the name the test was declared under ({@code models.orders}). */
    private static String fileKeyName(Node test) {
        if (test.attachedNode() != null) {
            // model.pkg.name, or model.pkg.name.v2 for a version: the properties section and the model's name
            String[] parts = test.attachedNode().split("\\.");
            return parts[0] + "s." + parts[2];
        }
        return test.sources().isEmpty() ? null : "sources." + test.sources().get(0).get(0);
    }

    private static Map<String, Object> columns(Map<String, ColumnSpec> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ColumnSpec c : columns.values()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("name", c.name());
            col.put("description", c.description());
            col.put("meta", c.meta());
            col.put("data_type", c.dataType());
            col.put("constraints", c.constraints());
            col.put("quote", c.quote());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("meta", c.meta());
            config.put("tags", c.tags());
            col.put("config", config);
            col.put("tags", c.tags());
            col.put("granularity", null);
            col.put("doc_blocks", List.of());
            out.put(c.name(), col);
        }
        return out;
    }

    private static Map<String, Object> source(SourceDefinition s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", s.database());
        m.put("schema", s.schema());
        m.put("name", s.name());
        m.put("resource_type", "source");
        m.put("package_name", s.packageName());
        m.put("path", s.path());
        m.put("original_file_path", s.originalFilePath());
        m.put("unique_id", s.uniqueId());
        m.put("fqn", s.fqn());
        m.put("source_name", s.sourceName());
        m.put("source_description", s.sourceDescription());
        m.put("loader", s.loader());
        m.put("identifier", s.identifier());
        m.put("quoting", s.quoting());
        m.put("loaded_at_field", s.loadedAtField());
        m.put("loaded_at_query", s.config().get("loaded_at_query"));
        m.put("freshness", s.freshness().isEmpty() ? null : s.freshness());
        m.put("external", null);
        m.put("description", s.description());
        m.put("columns", columns(s.columns()));
        m.put("meta", s.meta());
        m.put("source_meta", s.sourceMeta());
        m.put("tags", s.tags());
        m.put("config", s.config());
        m.put("patch_path", null);
        m.put("unrendered_config", s.unrenderedConfig());
        m.put("relation_name", s.relationName());
        m.put("created_at", 0.0);
        m.put("doc_blocks", List.of());
        return m;
    }

    private static Map<String, Object> macro(MacroNode macro) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", macro.name());
        m.put("resource_type", "macro");
        m.put("package_name", macro.packageName());
        m.put("path", macro.path());
        m.put("original_file_path", macro.originalFilePath());
        m.put("unique_id", macro.uniqueId());
        m.put("macro_sql", macro.macroSql());
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependsOn.put("macros", macro.dependsOn());
        m.put("depends_on", dependsOn);
        m.put("description", macro.description());
        m.put("meta", Map.of());
        m.put("docs", Map.of("show", true));
        m.put("patch_path", null);
        m.put("arguments", List.of());
        m.put("created_at", 0.0);
        m.put("supported_languages", null);
        return m;
    }
}

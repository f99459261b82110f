package io.slipway.core.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code catalog.json} ({@code docs generate}) in dbt's schema v1. */
public final class CatalogWriter {
    public static final String SCHEMA = "catalog/v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogWriter() {
    }

    /**
     * A relation as the warehouse describes it.
     *
     * @param type    {@code BASE TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW}, as the warehouse says
     * @param columns by name, in the warehouse's order
     * @param stats   by id ({@code has_stats} always), each with {@code id}, {@code label}, {@code value}, {@code include}, {@code description}
     */
    public record Table(String type, String schema, String name, String database, String comment, String owner,
                        Map<String, Column> columns, Map<String, Map<String, Object>> stats) {
        public Table withColumn(Column column) {
            Map<String, Column> more = new LinkedHashMap<>(columns);
            more.put(column.name(), column);
            return new Table(type, schema, name, database, comment, owner, more, stats);
        }
    }

    /** A column: its type as the warehouse spells it, its 1-based position, and its comment. */
    public record Column(String type, long index, String name, String comment) {
    }

    public static void write(Path file, Map<String, Table> nodes, Map<String, Table> sources, List<String> errors,
                             ArtifactMetadata metadata) {
        try {
            Files.createDirectories(file.getParent());
            MAPPER.writeValue(file.toFile(), toJson(nodes, sources, errors, metadata));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not write " + file + ": " + e.getMessage());
        }
    }

    public static Map<String, Object> toJson(Map<String, Table> nodes, Map<String, Table> sources, List<String> errors,
                                             ArtifactMetadata metadata) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("metadata", metadata.toJson(SCHEMA, null, null, null));
        root.put("nodes", tables(nodes));
        root.put("sources", tables(sources));
        root.put("errors", errors);
        return root;
    }

    private static Map<String, Object> tables(Map<String, Table> tables) {
        Map<String, Object> out = new LinkedHashMap<>();
        tables.forEach((uniqueId, t) -> {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("type", t.type());
            metadata.put("schema", t.schema());
            metadata.put("name", t.name());
            metadata.put("database", t.database());
            metadata.put("comment", t.comment());
            metadata.put("owner", t.owner());
            Map<String, Object> columns = new LinkedHashMap<>();
            t.columns().forEach((name, c) -> {
                Map<String, Object> col = new LinkedHashMap<>();
                col.put("type", c.type());
                col.put("index", c.index());
                col.put("name", c.name());
                col.put("comment", c.comment());
                columns.put(name, col);
            });
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("metadata", metadata);
            table.put("columns", columns);
            table.put("stats", t.stats());
            table.put("unique_id", uniqueId);
            out.put(uniqueId, table);
        });
        return out;
    }
}

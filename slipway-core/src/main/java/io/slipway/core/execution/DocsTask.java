package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.CatalogWriter;
import io.slipway.core.artifacts.CompiledInfo;
import io.slipway.core.artifacts.ManifestWriter;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.template.AgateTable;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.Macro;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code docs generate}: compiles the project (unless {@code --no-compile}), asks the warehouse to describe
 * every schema the project's relations live in through the {@code get_catalog} macro (the adapter's, or the
 * project's override), matches the relations to models, seeds, snapshots and sources, and writes
 * {@code catalog.json} (and the compiled {@code manifest.json}).
 */
final class DocsTask {
    private final ProjectSession session;
    private final ParseResult parsed;
    private final Reporter reporter;

    DocsTask(ProjectSession session, ParseResult parsed, Reporter reporter) {
        this.session = session;
        this.parsed = parsed;
        this.reporter = reporter;
    }

    /**
     * @param selected the selected unique ids when compiling (the catalog keeps only those), or null with {@code --no-compile}
     */
    InvocationResult run(Set<String> selected, boolean emptyCatalog, ArtifactMetadata metadata, Deferral deferral) {
        Manifest manifest = parsed.manifest();
        Compiler compiler = new Compiler(manifest, session.context(), session.project().projectDir(), session.targetDir(),
                RunTask.graphSupplier(manifest), deferral);
        Map<String, CompiledInfo> compiled = Map.of();
        if (selected != null) {
            reporter.info(RunTask.foundLine(manifest));
            int threads = session.threads();
            reporter.info("Concurrency: " + threads + " thread" + (threads == 1 ? "" : "s") + " (target='" + session.profile().targetName() + "')");
            reporter.info("");
            List<Node> toCompile = new ArrayList<>();
            for (String id : selected) {
                Node n = manifest.node(id);
                if (n != null && RunTask.typesOf(Command.COMPILE).contains(n.resourceType())) {
                    toCompile.add(n);
                }
            }
            try {
                compiled = ShowTask.compileAll(compiler, session, toCompile);
            } catch (SlipwayException e) {
                reporter.error(e.describe());
                reporter.warn("compile failed, cannot generate docs");
                return new InvocationResult(1, List.of(), session.targetDir(), e);
            }
        }
        Map<String, CatalogWriter.Table> nodes = new LinkedHashMap<>();
        Map<String, CatalogWriter.Table> sources = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        if (!emptyCatalog) {
            reporter.info("Building catalog");
            Map<List<String>, CatalogWriter.Table> catalog = describe(compiler, errors);
            match(catalog, selected, nodes, sources);
        }
        Path file = session.targetDir().resolve("catalog.json");
        CatalogWriter.write(file, nodes, sources, errors.isEmpty() ? null : errors, metadata);
        if (selected != null) {
            ManifestWriter.write(session.targetDir().resolve("manifest.json"), manifest, parsed.disabled(), metadata, compiled);
        }
        if (!errors.isEmpty()) {
            for (String error : errors) {
                reporter.error(error);
            }
            reporter.warn("dbt encountered " + errors.size() + " failure" + (errors.size() == 1 ? "" : "s") + " while writing the catalog");
        }
        reporter.emit(EventCode.Z003_MESSAGE, Level.INFO, "Catalog written to " + file.toAbsolutePath().normalize(),
                Map.of("path", file.toAbsolutePath().normalize().toString()));
        return new InvocationResult(errors.isEmpty() ? 0 : 1, List.of(), session.targetDir(), null);
    }

    /** The catalog rows of every database the project's relations live in, one table per relation (keyed as the warehouse names it). */
    private Map<List<String>, CatalogWriter.Table> describe(Compiler compiler, List<String> errors) {
        Manifest manifest = parsed.manifest();
        Map<String, Set<String>> schemasByDatabase = new LinkedHashMap<>();
        Set<List<String>> used = new LinkedHashSet<>();
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType().isRefable() && !n.isEphemeral() && n.schema() != null) {
                schemasByDatabase.computeIfAbsent(n.database(), k -> new LinkedHashSet<>()).add(n.schema());
            }
        }
        for (SourceDefinition s : manifest.sources().values()) {
            schemasByDatabase.computeIfAbsent(s.database(), k -> new LinkedHashSet<>()).add(s.schema());
        }
        schemasByDatabase.forEach((db, schemas) -> schemas.forEach(s -> used.add(List.of(lower(db), lower(s)))));
        Map<List<String>, CatalogWriter.Table> tables = new LinkedHashMap<>();
        try (AdapterConnection connection = new ObservedConnection(session.adapter().open("generate_catalog"), reporter.sink())) {
            for (Map.Entry<String, Set<String>> e : schemasByDatabase.entrySet()) {
                try {
                    AgateTable rows = catalogOf(compiler, connection, e.getKey(), new ArrayList<>(e.getValue()));
                    addRows(rows, used, tables);
                } catch (RuntimeException failure) {
                    SlipwayException error = Renderer.translate(failure, "get_catalog");
                    errors.add((error.code() == ErrorCode.DATABASE_ERROR ? "Database Error" : "Compilation Error")
                            + " while building the catalog of database " + e.getKey() + "\n  " + error.getMessage().replace("\n", "\n  "));
                    connection.rollback();
                }
            }
        }
        return tables;
    }

    private AgateTable catalogOf(Compiler compiler, AdapterConnection connection, String database, List<String> schemas) {
        NodeSession nodeSession = new NodeSession(session.adapter(), connection, true);
        Node node = pseudoNode();
        NodeGlobals globals = compiler.globals(node, nodeSession, compiler.resolver(node, nodeSession), null);
        if (!(globals.lookup("get_catalog") instanceof Macro macro)) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "no macro named get_catalog was found");
        }
        // dbt's InformationSchema: prints as "<database>".information_schema, .database names the database
        RelationValue informationSchema = new RelationValue(database, null, "information_schema", null,
                new boolean[] {true, false, false}, new boolean[] {true, false, true}, '"');
        Object result = Renderer.call(macro, List.of(informationSchema, schemas), Map.of(), "get_catalog");
        connection.commit();
        if (result instanceof Map<?, ?> m && m.get("table") instanceof AgateTable t) {
            return t;
        }
        if (result instanceof AgateTable t) {
            return t;
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "get_catalog returned " + result + " instead of a table of columns");
    }

    /** dbt's Catalog: rows become tables (metadata and stats from the first row of each) with their columns. */
    private static void addRows(AgateTable rows, Set<List<String>> used, Map<List<String>, CatalogWriter.Table> tables) {
        List<String> names = rows.columnNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        for (Object r : rows.rows()) {
            List<?> row = (List<?>) r;
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                data.put(names.get(i), row.get(i));
            }
            String database = text(data.get("table_database"));
            String schema = text(data.get("table_schema"));
            String name = text(data.get("table_name"));
            if (schema == null || name == null) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Catalog information missing required key table_schema or table_name (got "
                        + data + ")");
            }
            if (!used.contains(List.of(lower(database), lower(schema)))) {
                continue;
            }
            List<String> key = java.util.Arrays.asList(database, schema, name);
            CatalogWriter.Table table = tables.get(key);
            if (table == null) {
                table = new CatalogWriter.Table(text(data.get("table_type")), schema, name, database, text(data.get("table_comment")),
                        text(data.get("table_owner")), Map.of(), stats(data));
            }
            if (data.get("column_name") != null) {
                table = table.withColumn(new CatalogWriter.Column(text(data.get("column_type")), number(data.get("column_index")),
                        text(data.get("column_name")), text(data.get("column_comment"))));
            }
            tables.put(key, table);
        }
    }

    /** dbt's format_stats: {@code stats:<id>:<field>} columns become items, kept when included, plus {@code has_stats}. */
    private static Map<String, Map<String, Object>> stats(Map<String, Object> data) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        data.keySet().stream().filter(k -> k.startsWith("stats:")).forEach(k -> ids.add(k.substring(6, k.indexOf(':', 6) < 0 ? k.length() : k.indexOf(':', 6))));
        for (String id : ids) {
            Object include = data.get("stats:" + id + ":include");
            if (!(include instanceof Boolean b) || !b) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("label", text(data.get("stats:" + id + ":label")));
            Object value = data.get("stats:" + id + ":value");
            item.put("value", value instanceof BigDecimal d ? d.doubleValue() : value instanceof Number || value instanceof Boolean ? value : text(value));
            item.put("include", true);
            item.put("description", text(data.get("stats:" + id + ":description")));
            out.put(id, item);
        }
        Map<String, Object> hasStats = new LinkedHashMap<>();
        hasStats.put("id", "has_stats");
        hasStats.put("label", "Has Stats?");
        hasStats.put("value", !out.isEmpty());
        hasStats.put("include", false);
        hasStats.put("description", "Indicates whether there are statistics for this table");
        out.put("has_stats", hasStats);
        return out;
    }

    /**
     * dbt's make_unique_id_map: a relation is matched to the node and the sources with the same (lower-case)
     * database, schema and name; with a selection, only selected ones are kept. Source columns documented in YAML
     * show that description instead of the warehouse's comment.
     */
    private void match(Map<List<String>, CatalogWriter.Table> catalog, Set<String> selected, Map<String, CatalogWriter.Table> nodes,
                       Map<String, CatalogWriter.Table> sources) {
        Manifest manifest = parsed.manifest();
        Map<List<String>, String> nodeIds = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            nodeIds.put(key(n.database(), n.schema(), n.alias()), n.uniqueId());
        }
        Map<List<String>, List<SourceDefinition>> sourceIds = new LinkedHashMap<>();
        for (SourceDefinition s : manifest.sources().values()) {
            sourceIds.computeIfAbsent(key(s.database(), s.schema(), s.identifier()), k -> new ArrayList<>()).add(s);
        }
        for (CatalogWriter.Table table : catalog.values()) {
            List<String> key = key(table.database(), table.schema(), table.name());
            String nodeId = nodeIds.get(key);
            if (nodeId != null && (selected == null || selected.contains(nodeId))) {
                nodes.put(nodeId, table);
            }
            for (SourceDefinition s : sourceIds.getOrDefault(key, List.of())) {
                if (selected == null || selected.contains(s.uniqueId())) {
                    sources.put(s.uniqueId(), described(table, s));
                }
            }
        }
    }

    private static CatalogWriter.Table described(CatalogWriter.Table table, SourceDefinition source) {
        CatalogWriter.Table out = table;
        for (CatalogWriter.Column c : table.columns().values()) {
            ColumnSpec spec = source.columns().get(c.name());
            if (spec != null && spec.description() != null && !spec.description().isEmpty()) {
                out = out.withColumn(new CatalogWriter.Column(c.type(), c.index(), c.name(), spec.description()));
            }
        }
        return out;
    }

    private static List<String> key(String database, String schema, String name) {
        return java.util.Arrays.asList(lower(database), lower(schema), lower(name));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        return value == null ? 0 : Long.parseLong(value.toString().trim());
    }

    /** The root project standing in as the render's node, as dbt renders get_catalog outside any node. */
    private Node pseudoNode() {
        String pkg = session.project().name();
        return new Node("operation." + pkg + ".generate_catalog", ResourceType.OPERATION, pkg, "generate_catalog", "generate_catalog.sql",
                "generate_catalog.sql", null, List.of(pkg, "generate_catalog"), FileChecksum.none(), new NodeConfig(Map.of()), Map.of(),
                Map.of(), session.adapter().defaultDatabase(), session.adapter().defaultSchema(), "generate_catalog", null, "", Map.of(),
                "", "sql", List.of(), List.of(), DependsOn.NONE, null, null, null);
    }
}

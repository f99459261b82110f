package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.VersionInfo;
import io.slipway.core.parser.Properties.GroupPatch;
import io.slipway.core.parser.Properties.MacroPatch;
import io.slipway.core.parser.Properties.NodePatch;
import io.slipway.core.parser.Properties.SourcePatch;
import io.slipway.core.parser.Properties.SourceTablePatch;
import io.slipway.core.parser.Properties.TestDecl;
import io.slipway.core.project.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads properties files ({@code version: 2} YAML with {@code models:}, {@code seeds:},
 * {@code snapshots:}, {@code analyses:}, {@code sources:}, {@code macros:}, {@code groups:}, {@code unit_tests:}) into patches.
 * Shapes are checked and errors name the file. A versioned model gives one patch per version, keyed by the
 * model file that version is defined in.
 */
public final class PropertiesParser {
    private final Map<String, NodePatch> models = new LinkedHashMap<>();
    private final Map<String, NodePatch> seeds = new LinkedHashMap<>();
    private final Map<String, NodePatch> snapshots = new LinkedHashMap<>();
    private final Map<String, NodePatch> analyses = new LinkedHashMap<>();
    private final List<SourcePatch> sources = new ArrayList<>();
    private final Map<String, MacroPatch> macros = new LinkedHashMap<>();
    private final Map<String, GroupPatch> groups = new LinkedHashMap<>();
    private final List<Properties.UnitTestDecl> unitTests = new ArrayList<>();
    private final List<Properties.YamlSnapshot> yamlSnapshots = new ArrayList<>();
    private final List<Properties.ExposureDecl> exposures = new ArrayList<>();
    /** For a versioned model, its name to the file its latest version is expected in ({@code name_v<latest>}). */
    private final Map<String, String> latestFallbacks = new LinkedHashMap<>();

    public void parse(SourceFile file) {
        parse(file, Yaml.parse(file.contents(), file.originalFilePath()));
    }

    /** Takes the entries of a file already read as YAML. */
    public void parse(SourceFile file, Object raw) {
        if (raw == null) {
            return;
        }
        String path = file.originalFilePath();
        Map<String, Object> doc = Yaml.asMap(raw, "the file", path);
        entries(doc, "models", path).forEach(e -> model(e, path, file.packageName()));
        entries(doc, "seeds", path).forEach(e -> put(seeds, nodePatch(e, path, file.packageName(), "seeds"), path, "seed"));
        entries(doc, "snapshots", path).forEach(e -> {
            put(snapshots, nodePatch(e, path, file.packageName(), "snapshots"), path, "snapshot");
            // dbt 1.9: a snapshot defined in YAML alone, of the relation it names
            if (e.get("relation") != null) {
                if (!(e.get("relation") instanceof String relation) || !relation.strip().matches("(?s)(ref|source)\\s*\\(.*\\)")) {
                    throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "snapshot '" + e.get("name") + "' in " + path
                            + " has relation: " + e.get("relation") + ", which is not a ref or source call; write ref('model') or source('name', 'table')",
                            path, 0);
                }
                yamlSnapshots.add(new Properties.YamlSnapshot(requiredName(e, path, "snapshots"), relation.trim(), file));
            }
        });
        entries(doc, "analyses", path).forEach(e -> put(analyses, nodePatch(e, path, file.packageName(), "analyses"), path, "analysis"));
        entries(doc, "sources", path).forEach(e -> sources.add(sourcePatch(e, path, file.packageName())));
        entries(doc, "groups", path).forEach(e -> {
            String name = requiredName(e, path, "groups");
            if (!(e.get("owner") instanceof Map<?, ?>)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "group '" + name + "' in " + path
                        + " has no 'owner:'; give it a mapping with a name or an email", path, 0);
            }
            GroupPatch group = new GroupPatch(name, Yaml.asMap(e.get("owner"), "'owner:' of group '" + name + "'", path),
                    Yaml.asString(e.get("description")), path, file.packageName());
            GroupPatch previous = groups.putIfAbsent(name, group);
            if (previous != null) {
                throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE, "dbt found two groups named '" + name + "': in " + previous.file()
                        + " and " + path + "; keep one", path, 0);
            }
        });
        entries(doc, "exposures", path).forEach(e -> exposures.add(new Properties.ExposureDecl(e, requiredName(e, path, "exposures"), file)));
        entries(doc, "unit_tests", path).forEach(e -> unitTests.add(new Properties.UnitTestDecl(e, requiredName(e, path, "unit_tests"), path,
                file.packageName())));
        entries(doc, "macros", path).forEach(e -> {
            String name = requiredName(e, path, "macros");
            macros.put(name, new MacroPatch(name, Yaml.asString(e.get("description")), path));
        });
    }

    public Map<String, NodePatch> models() {
        return models;
    }

    public Map<String, NodePatch> seeds() {
        return seeds;
    }

    public Map<String, NodePatch> snapshots() {
        return snapshots;
    }

    public Map<String, NodePatch> analyses() {
        return analyses;
    }

    public List<SourcePatch> sources() {
        return sources;
    }

    public Map<String, MacroPatch> macros() {
        return macros;
    }

    public Map<String, GroupPatch> groups() {
        return groups;
    }

    /** The {@code exposures:} entries, in file order. */
    public List<Properties.ExposureDecl> exposures() {
        return exposures;
    }

    /** The snapshots defined in YAML alone ({@code relation:}), in file order. */
    public List<Properties.YamlSnapshot> yamlSnapshots() {
        return yamlSnapshots;
    }

    /** The {@code unit_tests:} entries, in file order. */
    public List<Properties.UnitTestDecl> unitTests() {
        return unitTests;
    }

    /**
     * The model patch for a model file: by the file's name, or, for the file named like a versioned model
     * ({@code name.sql}), its latest version's when no {@code name_v<latest>.sql} exists, as dbt allows.
     *
     * @param fileStems the names of the package's model files
     */
    public NodePatch modelPatch(String stem, java.util.Set<String> fileStems) {
        NodePatch patch = models.get(stem);
        if (patch != null) {
            return patch;
        }
        String primary = latestFallbacks.get(stem);
        return primary != null && !fileStems.contains(primary) ? models.get(primary) : null;
    }

    private static void put(Map<String, NodePatch> into, NodePatch patch, String path, String kind) {
        put(into, patch.name(), patch, path, kind);
    }

    private static void put(Map<String, NodePatch> into, String key, NodePatch patch, String path, String kind) {
        NodePatch previous = into.putIfAbsent(key, patch);
        if (previous != null) {
            throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE,
                    "dbt found two properties entries for " + kind + " '" + patch.name() + "': in " + previous.file() + " and " + path
                            + "; keep one", path, 0);
        }
    }

    private static List<Map<String, Object>> entries(Map<String, Object> doc, String key, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object value = doc.get(key);
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "'" + key + ":' in " + path + " must be a list of entries", path, 0);
        }
        for (Object item : list) {
            out.add(Yaml.asMap(item, "an entry of '" + key + ":'", path));
        }
        return out;
    }

    static String requiredName(Map<String, Object> entry, String path, String key) {
        Object name = entry.get("name");
        if (name == null || name.toString().isBlank()) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "an entry of '" + key + ":' in " + path + " has no 'name:'", path, 0);
        }
        return name.toString();
    }

    private static NodePatch nodePatch(Map<String, Object> e, String path, String packageName, String key) {
        String name = requiredName(e, path, key);
        Map<String, Object> config = config(e, name, path);
        List<TestDecl> tests = new ArrayList<>();
        for (Object t : testList(e, name, path)) {
            tests.add(new TestDecl(t, null, List.of()));
        }
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns(Yaml.asList(e.get("columns")), name, path, columns, tests);
        VersionInfo info = key.equals("models") && e.get("deprecation_date") != null
                ? new VersionInfo(null, null, ModelVersionsParser.date(e.get("deprecation_date"), name, path)) : VersionInfo.NONE;
        return new NodePatch(name, Yaml.asString(e.get("description")), columns, config, tests, path, packageName, info);
    }

    /** An entry's {@code config:} with the top-level shorthands dbt still accepts beside it. */
    static Map<String, Object> config(Map<String, Object> e, String name, String path) {
        Map<String, Object> config = new LinkedHashMap<>(Yaml.asMap(e.get("config"), "'config:' of '" + name + "'", path));
        for (String shorthand : List.of("meta", "tags", "docs", "access", "group")) {
            if (e.containsKey(shorthand) && !config.containsKey(shorthand)) {
                config.put(shorthand, e.get(shorthand));
            }
        }
        return config;
    }

    /** Reads {@code columns:} entries into {@code columns}, their tests into {@code tests}. */
    static void columns(List<Object> entries, String owner, String path, Map<String, ColumnSpec> columns, List<TestDecl> tests) {
        for (Object c : entries) {
            Map<String, Object> col = Yaml.asMap(c, "a column of '" + owner + "'", path);
            String colName = requiredName(col, path, owner + ".columns");
            Map<String, Object> colConfig = Yaml.asMap(col.get("config"), "'config:' of column '" + colName + "'", path);
            List<String> tags = strings(col.containsKey("tags") ? col.get("tags") : colConfig.get("tags"));
            Map<String, Object> meta = Yaml.asMap(col.containsKey("meta") ? col.get("meta") : colConfig.get("meta"), "'meta:'", path);
            columns.put(colName, new ColumnSpec(colName, Yaml.asString(col.get("description")), meta,
                    Yaml.asString(col.get("data_type")), Yaml.asList(col.get("constraints")),
                    col.get("quote") instanceof Boolean b ? b : null, tags));
            for (Object t : testList(col, owner + "." + colName, path)) {
                tests.add(new TestDecl(t, colName, tags));
            }
        }
    }

    /** A {@code models:} entry: one patch, or with {@code versions:} one per version, keyed by the file each applies to. */
    private void model(Map<String, Object> e, String path, String packageName) {
        if (!(e.get("versions") instanceof List<?> versions) || versions.isEmpty()) {
            put(models, nodePatch(e, path, packageName, "models"), path, "model");
            return;
        }
        NodePatch base = nodePatch(e, path, packageName, "models");
        for (ModelVersionsParser.Version v : ModelVersionsParser.versions(e, base, path)) {
            put(models, v.fileStem(), v.patch(), path, "model");
            if (v.latestFallback() != null) {
                latestFallbacks.put(v.latestFallback(), v.fileStem());
            }
        }
    }

    static List<Object> testList(Map<String, Object> e, String owner, String path) {
        List<Object> out = new ArrayList<>();
        for (String key : List.of("data_tests", "tests")) {
            Object v = e.get(key);
            if (v == null) {
                continue;
            }
            if (!(v instanceof List<?> l)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "'" + key + ":' of '" + owner + "' in " + path + " must be a list", path, 0);
            }
            out.addAll(l);
        }
        return out;
    }

    /** A config with a property also accepted at the top level of the entry (the top level wins, as dbt reads it). */
    private static Map<String, Object> withTopLevel(Map<String, Object> config, Map<String, Object> entry, String key) {
        if (!entry.containsKey(key)) {
            return config;
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>(config);
        out.put(key, entry.get(key));
        return out;
    }

    private static SourcePatch sourcePatch(Map<String, Object> e, String path, String packageName) {
        String name = requiredName(e, path, "sources");
        Map<String, Object> config = withTopLevel(Yaml.asMap(e.get("config"), "'config:' of source '" + name + "'", path), e, "loaded_at_query");
        List<SourceTablePatch> tables = new ArrayList<>();
        for (Object t : Yaml.asList(e.get("tables"))) {
            Map<String, Object> table = Yaml.asMap(t, "a table of source '" + name + "'", path);
            NodePatch p = nodePatch(table, path, packageName, "sources." + name + ".tables");
            Map<String, Object> tableConfig = withTopLevel(Yaml.asMap(table.get("config"), "'config:'", path), table, "loaded_at_query");
            tables.add(new SourceTablePatch(p.name(), Yaml.asString(table.get("identifier")), p.description(), p.columns(),
                    Yaml.asMap(table.containsKey("meta") ? table.get("meta") : tableConfig.get("meta"), "'meta:'", path),
                    strings(table.containsKey("tags") ? table.get("tags") : tableConfig.get("tags")),
                    tableConfig, Yaml.asString(table.containsKey("loaded_at_field") ? table.get("loaded_at_field") : tableConfig.get("loaded_at_field")),
                    freshness(table, tableConfig, path),
                    Yaml.asMap(table.get("quoting"), "'quoting:'", path), p.tests()));
        }
        return new SourcePatch(name, Yaml.asString(e.get("database")), Yaml.asString(e.get("schema")),
                Yaml.asString(e.get("description")), Yaml.asString(e.get("loader")),
                Yaml.asMap(e.containsKey("meta") ? e.get("meta") : config.get("meta"), "'meta:'", path),
                strings(e.containsKey("tags") ? e.get("tags") : config.get("tags")), config,
                Yaml.asString(e.containsKey("loaded_at_field") ? e.get("loaded_at_field") : config.get("loaded_at_field")),
                freshness(e, config, path),
                Yaml.asMap(e.get("quoting"), "'quoting:'", path), tables, path, packageName);
    }

    /**
     * A {@code freshness:} block (top level, else in {@code config:}): empty when not written, null when written
     * as {@code freshness: null} (which turns off the freshness a table would inherit from its source).
     */
    private static Map<String, Object> freshness(Map<String, Object> entry, Map<String, Object> config, String path) {
        Map<String, Object> holder = entry.containsKey("freshness") ? entry : config.containsKey("freshness") ? config : null;
        if (holder == null) {
            return Map.of();
        }
        Object value = holder.get("freshness");
        return value == null ? null : Yaml.asMap(value, "'freshness:'", path);
    }

    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : Yaml.asList(value)) {
            if (o != null) {
                out.add(o.toString());
            }
        }
        return out;
    }
}

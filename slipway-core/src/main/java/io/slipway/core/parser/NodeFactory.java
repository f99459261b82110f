package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.VersionInfo;
import io.slipway.core.parser.Properties.NodePatch;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.template.ContextLocals;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.ParseCapture;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.Macro;
import io.slipway.jinja.Template;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds model, seed, singular test and analysis nodes: config by dbt's precedence, a parse-time render
 * that captures refs, sources and config calls, and the database, schema and alias from the project's
 * (or dbt's default) {@code generate_*_name} macros.
 */
final class NodeFactory {
    private final ParseEnvironment env;
    private final DescriptionRenderer descriptions;
    /** Off when the project overrides ref, source or config with macros: then only rendering is right. */
    private final boolean staticParsing;

    NodeFactory(ParseEnvironment env, DescriptionRenderer descriptions) {
        this.env = env;
        this.descriptions = descriptions;
        io.slipway.core.template.MacroIndex macros = env.context().macros();
        this.staticParsing = macros.resolve("ref", env.root().name()) == null && macros.resolve("source", env.root().name()) == null
                && macros.resolve("config", env.root().name()) == null;
    }

    /** A parsed node, or a disabled one (not in the graph). */
    record Parsed(Node node, boolean enabled, List<Integer> refLines) {
    }

    Parsed sqlNode(ResourceType type, SourceFile file, ProjectConfig pkg, NodePatch patch) {
        List<String> fqn = fqn(pkg.name(), file);
        if (type == ResourceType.ANALYSIS) {
            // dbt parses analyses under the path analysis/<file>: the folder is in their fqn (and path)
            fqn.add(1, "analysis");
        }
        String name = file.stem();
        if (type == ResourceType.MODEL && patch != null && patch.versionInfo().isVersioned()) {
            // a version takes its model's name; its fqn ends with the model's name and v<version>, as dbt's
            name = patch.name();
            fqn.set(fqn.size() - 1, name);
            fqn.add("v" + patch.versionInfo().versionText());
        }
        return sqlNode(type, file, pkg, patch, name, fqn, file.contents(), file.contents());
    }

    /**
     * A snapshot block: the node is the block's contents, named by the block; its fqn includes the file
     * name, as dbt's does.
     */
    Parsed snapshot(SourceFile file, BlockScanner.Block block, ProjectConfig pkg, NodePatch patch) {
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg.name());
        fqn.addAll(file.folders());
        fqn.add(file.stem());
        fqn.add(block.name());
        // pad with the lines before the block so errors point at the file's own lines
        String template = "\n".repeat(Math.max(0, block.line() - 1)) + block.contents();
        return sqlNode(ResourceType.SNAPSHOT, file, pkg, patch, block.name(), fqn, block.contents(), template);
    }

    /**
     * A snapshot defined in a properties file (dbt 1.9): {@code select * from {{ <relation> }}}, its fqn the package,
     * the file's folders and the name, its path {@code <file>/<name>.sql} under the file's resource folder, as dbt's.
     */
    Parsed yamlSnapshot(Properties.YamlSnapshot snapshot, ProjectConfig pkg, NodePatch patch) {
        SourceFile yml = snapshot.file();
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg.name());
        fqn.addAll(yml.folders());
        fqn.add(snapshot.name());
        String rawCode = "select * from {{ " + snapshot.relation() + " }}";
        SourceFile file = new SourceFile(yml.packageName(), yml.originalFilePath(), yml.resourcePath() + "/" + snapshot.name() + ".sql",
                rawCode, yml.absolutePath());
        return sqlNode(ResourceType.SNAPSHOT, file, pkg, patch, snapshot.name(), fqn, rawCode, rawCode);
    }

    private Parsed sqlNode(ResourceType type, SourceFile file, ProjectConfig pkg, NodePatch patch, String name, List<String> fqn,
                           String rawCode, String templateText) {
        String uniqueId = type.dbtName() + "." + pkg.name() + "." + name
                + (type == ResourceType.MODEL && patch != null && patch.versionInfo().isVersioned() ? ".v" + patch.versionInfo().versionText() : "");
        Map<String, Object> unrendered = new LinkedHashMap<>();
        Map<String, Object> config = configFor(type, pkg, fqn, patch, unrendered);

        Optional<StaticParser.Result> fast = type == ResourceType.MODEL && staticParsing ? StaticParser.parse(templateText) : Optional.empty();
        if (fast.isPresent()) {
            StaticParser.Result r = fast.get();
            return finishParsed(type, file, pkg, patch, name, fqn, uniqueId, config, unrendered, r.config(), rawCode,
                    r.refs(), r.refLines(), r.sources(), List.of());
        }
        ParseCapture capture = new ParseCapture(RelationValue.of(defaultDatabase(), defaultSchema(), name, null));
        NodeSession session = new NodeSession(env.adapter(), null, false);
        Map<String, Object> model = partialModel(uniqueId, name, type, pkg.name(), file, fqn, config);
        Map<String, Object> locals = ContextLocals.parse(env.context(), session, capture, model,
                RelationValue.of(defaultDatabase(), defaultSchema(), name, null));
        NodeGlobals globals = new NodeGlobals(env.context(), pkg.name(), uniqueId, locals);
        Template template = env.context().jinja().parse(templateText, file.originalFilePath());
        Renderer.renderCapturing(template, globals, file.originalFilePath());
        return finishParsed(type, file, pkg, patch, name, fqn, uniqueId, config, unrendered, capture.config(), rawCode,
                capture.refs(), capture.refLines(), capture.sources(), new ArrayList<>(globals.macrosUsed()));
    }

    private Parsed finishParsed(ResourceType type, SourceFile file, ProjectConfig pkg, NodePatch patch, String name, List<String> fqn,
                                String uniqueId, Map<String, Object> config, Map<String, Object> unrendered, Map<String, Object> configCall,
                                String rawCode, List<RefCall> refs, List<Integer> refLines, List<List<String>> sources, List<String> macros) {
        ConfigMerger.mergeInto(config, configCall);
        unrendered.putAll(configCall);
        ConfigMerger.normalizeHooks(config);
        if (type == ResourceType.SNAPSHOT && NodeConfig.truthy(config.get("enabled"), true)) {
            checkSnapshotConfig(config, file.originalFilePath());
        }
        return finish(type, file, pkg, patch, name, fqn, uniqueId, config, unrendered, configCall, rawCode, refs, refLines, sources, macros);
    }

    /** dbt's parse-time rules for a snapshot's config (SnapshotConfig.validate), with its messages. */
    private static void checkSnapshotConfig(Map<String, Object> config, String path) {
        Object strategy = config.get("strategy");
        String problem = null;
        if (!present(strategy) || !present(config.get("unique_key"))) {
            problem = "Snapshots must be configured with a 'strategy' and 'unique_key'.";
        } else if ("check".equals(strategy)) {
            Object checkCols = config.get("check_cols");
            if (!present(checkCols)) {
                problem = "A snapshot configured with the check strategy must specify a check_cols configuration.";
            } else if (checkCols instanceof String text && !text.equals("all")) {
                problem = "Invalid value for 'check_cols': " + text + ". Expected 'all' or a list of strings.";
            }
        } else if ("timestamp".equals(strategy) && !present(config.get("updated_at"))) {
            problem = "A snapshot configured with the timestamp strategy must specify an updated_at configuration.";
        }
        if (problem == null && config.get("materialized") != null && !"snapshot".equals(config.get("materialized"))) {
            problem = "A snapshot must have a materialized value of 'snapshot'";
        }
        if (problem != null) {
            throw new SlipwayException(ErrorCode.SNAPSHOT_CONFIG_INVALID, "Invalid snapshot config given in " + path + ": " + problem
                    + " Set it in the snapshot's config() block, its properties entry or dbt_project.yml.", path, 0);
        }
    }

    /** Python's truth of a config value: not None, not empty, not False. */
    private static boolean present(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof java.util.Collection<?> c && c.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty());
    }

    Parsed seed(SourceFile file, ProjectConfig pkg, NodePatch patch) {
        String name = file.stem();
        List<String> fqn = fqn(pkg.name(), file);
        String uniqueId = "seed." + pkg.name() + "." + name;
        Map<String, Object> unrendered = new LinkedHashMap<>();
        Map<String, Object> config = configFor(ResourceType.SEED, pkg, fqn, patch, unrendered);
        ConfigMerger.normalizeHooks(config);
        return finish(ResourceType.SEED, file, pkg, patch, name, fqn, uniqueId, config, unrendered, Map.of(), "",
                List.of(), List.of(), List.of(), List.of());
    }

    private Parsed finish(ResourceType type, SourceFile file, ProjectConfig pkg, NodePatch patch, String name, List<String> fqn,
                          String uniqueId, Map<String, Object> config, Map<String, Object> unrendered, Map<String, Object> configCall,
                          String rawCode, List<RefCall> refs, List<Integer> refLines, List<List<String>> sources, List<String> macros) {
        NodeConfig nodeConfig = new NodeConfig(config);
        boolean enabled = nodeConfig.enabled();
        String path = type == ResourceType.ANALYSIS ? "analysis/" + file.resourcePath() : file.resourcePath();
        Map<String, ColumnSpec> columns = patch == null ? Map.of() : descriptions.columns(patch.columns(), pkg.name(), patch.file());
        String description = patch == null ? "" : descriptions.render(patch.description(), pkg.name(), patch.file());
        Node draft = new Node(uniqueId, type, pkg.name(), name, path, file.originalFilePath(),
                patch == null ? null : pkg.name() + "://" + patch.file(), fqn,
                type == ResourceType.SEED ? FileChecksum.sha256(file.contents()) : FileChecksum.sha256(rawCode),
                nodeConfig, unrendered, configCall, defaultDatabase(), defaultSchema(), name, null, description, columns,
                rawCode, type == ResourceType.SEED ? null : "sql", refs, sources, new DependsOn(macros, List.of()), null, null, null,
                type == ResourceType.MODEL && patch != null ? patch.versionInfo() : VersionInfo.NONE);
        if (!enabled) {
            return new Parsed(draft, false, refLines);
        }
        return new Parsed(withNames(draft, pkg), true, refLines);
    }

    /** The node with database, schema, alias and relation name from the generate_*_name macros. */
    Node withNames(Node draft, ProjectConfig pkg) {
        Map<String, Object>[] nodeDict = new Map[1];
        String database = nameFrom("generate_database_name", draft.config().database(), nodeDict, draft, defaultDatabase());
        String schema = nameFrom("generate_schema_name", draft.config().schema(), nodeDict, draft, defaultSchema());
        if (draft.resourceType() == ResourceType.SNAPSHOT) {
            // legacy snapshot configs name the schema and database exactly, without generate_*_name
            if (draft.config().string("target_schema") != null) {
                schema = draft.config().string("target_schema");
            }
            if (draft.config().string("target_database") != null) {
                database = draft.config().string("target_database");
            }
        }
        String alias = nameFrom("generate_alias_name", draft.config().alias(), nodeDict, draft, draft.name());
        String relation = draft.isEphemeral() || draft.resourceType() == ResourceType.TEST || draft.resourceType() == ResourceType.ANALYSIS
                ? null : env.relationName(database, schema, alias);
        return new Node(draft.uniqueId(), draft.resourceType(), draft.packageName(), draft.name(), draft.path(), draft.originalFilePath(),
                draft.patchPath(), draft.fqn(), draft.checksum(), draft.config(), draft.unrenderedConfig(), draft.configCallDict(),
                database, schema, alias, relation, draft.description(), draft.columns(), draft.rawCode(), draft.language(),
                draft.refs(), draft.sources(), draft.dependsOn(), draft.testMetadata(), draft.columnName(), draft.attachedNode(),
                draft.versionInfo());
    }

    private String nameFrom(String macroName, String custom, Map<String, Object>[] nodeDict, Node draft, String fallback) {
        if (usesDefault(macroName, draft.packageName())) {
            return defaultName(macroName, custom, draft);
        }
        if (nodeDict[0] == null) {
            nodeDict[0] = io.slipway.core.template.NodeValue.of(draft);
        }
        NodeSession session = new NodeSession(env.adapter(), null, false);
        ParseCapture capture = new ParseCapture(RelationValue.of(defaultDatabase(), defaultSchema(), draft.name(), null));
        NodeGlobals globals = new NodeGlobals(env.context(), draft.packageName(), draft.uniqueId(),
                ContextLocals.parse(env.context(), session, capture, nodeDict[0], RelationValue.of(defaultDatabase(), defaultSchema(), draft.name(), null)));
        Object macro = globals.lookup(macroName);
        if (!(macro instanceof Macro m)) {
            return fallback;
        }
        Object result = Renderer.call(m, java.util.Arrays.asList(custom, nodeDict[0]), Map.of(), draft.originalFilePath());
        String value = result == null ? "" : Py.str(result).strip();
        if (value.isEmpty()) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                    macroName + " returned an empty name for " + draft.uniqueId() + "; check the macro", draft.originalFilePath(), 0);
        }
        return value;
    }

    /**
     * Whether a naming macro is Slipway's own default, reached without any override: then its result is
     * computed here, the same as the macro would, without rendering (three renders per node otherwise).
     */
    private boolean usesDefault(String macroName, String packageName) {
        io.slipway.core.template.MacroIndex index = env.context().macros();
        io.slipway.core.manifest.MacroNode macro = index.resolve(macroName, packageName);
        if (macro == null || !macro.packageName().equals(io.slipway.core.template.MacroIndex.GLOBAL_PACKAGE)
                || env.context().dispatch().containsKey(io.slipway.core.template.MacroIndex.GLOBAL_PACKAGE)) {
            return false;
        }
        for (String type : env.context().adapterTypes()) {
            if (index.inPackage(io.slipway.core.template.MacroIndex.GLOBAL_PACKAGE, type + "__" + macroName) != null) {
                return false;
            }
        }
        io.slipway.core.manifest.MacroNode fallback = index.inPackage(io.slipway.core.template.MacroIndex.GLOBAL_PACKAGE, "default__" + macroName);
        return fallback != null && fallback.packageName().equals(io.slipway.core.template.MacroIndex.GLOBAL_PACKAGE);
    }

    /** What the default generate_*_name macros return (see macros/naming.sql). */
    private String defaultName(String macroName, String custom, Node draft) {
        return switch (macroName) {
            case "generate_schema_name" -> custom == null ? defaultSchema() : defaultSchema() + "_" + custom.strip();
            case "generate_database_name" -> custom == null ? defaultDatabase() : custom.strip();
            default -> custom != null && !custom.isEmpty() ? custom.strip()
                    : draft.versionInfo().isVersioned() ? draft.name() + "_v" + draft.version().replace('.', '_') : draft.name();
        };
    }

    Map<String, Object> configFor(ResourceType type, ProjectConfig pkg, List<String> fqn, NodePatch patch, Map<String, Object> unrendered) {
        String treeKey = switch (type) {
            case MODEL -> "models";
            case SEED -> "seeds";
            case SNAPSHOT -> "snapshots";
            case TEST -> "data_tests";
            case ANALYSIS -> "analyses";
            default -> "models";
        };
        Map<String, Object> config = ConfigMerger.defaults(type);
        ConfigMerger.mergeInto(config, ConfigMerger.copy(ConfigMerger.fromProjectTree(pkg.configTree(treeKey), fqn)));
        unrendered.putAll(ConfigMerger.fromProjectTree(pkg.unrenderedConfigTree(treeKey), fqn));
        if (!pkg.name().equals(env.root().name())) {
            ConfigMerger.mergeInto(config, ConfigMerger.copy(ConfigMerger.fromProjectTree(env.root().configTree(treeKey), fqn)));
            unrendered.putAll(ConfigMerger.fromProjectTree(env.root().unrenderedConfigTree(treeKey), fqn));
        }
        if (patch != null && !patch.config().isEmpty()) {
            ConfigMerger.mergeInto(config, ConfigMerger.copy(patch.config()));
            unrendered.putAll(patch.config());
        }
        return config;
    }

    /** The fqn of what a properties file declares (tests): the package, the file's folders under its resource folder, then {@code names}. */
    static List<String> propertiesFqn(String packageName, String file, String... names) {
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        String[] parts = file.split("/");
        for (int i = 1; i < parts.length - 1; i++) {
            fqn.add(parts[i]);
        }
        fqn.addAll(List.of(names));
        return fqn;
    }

    static List<String> fqn(String packageName, SourceFile file) {
        List<String> fqn = new ArrayList<>();
        fqn.add(packageName);
        fqn.addAll(file.folders());
        fqn.add(file.stem());
        return fqn;
    }

    private Map<String, Object> partialModel(String uniqueId, String name, ResourceType type, String pkg, SourceFile file,
                                             List<String> fqn, Map<String, Object> config) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("unique_id", uniqueId);
        model.put("name", name);
        model.put("resource_type", type.dbtName());
        model.put("package_name", pkg);
        model.put("path", file.resourcePath());
        model.put("original_file_path", file.originalFilePath());
        model.put("fqn", new ArrayList<>(fqn));
        model.put("config", config);
        model.put("raw_code", file.contents());
        return model;
    }

    String defaultDatabase() {
        return env.adapter().defaultDatabase();
    }

    String defaultSchema() {
        return env.adapter().defaultSchema();
    }
}

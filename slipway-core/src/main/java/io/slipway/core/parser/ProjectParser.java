package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventSink;
import io.slipway.core.graph.DependencyGraph;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.DocBlock;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.GenericTestFactory.Target;
import io.slipway.core.parser.Properties.NodePatch;
import io.slipway.core.parser.Properties.SourcePatch;
import io.slipway.core.parser.Properties.SourceTablePatch;
import io.slipway.core.parser.Properties.TestDecl;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.template.MacroIndex;
import io.slipway.core.template.RefFunction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a root project and its installed packages into a manifest, in dbt's order: macros (Slipway's
 * global ones, the adapter's, packages', the project's), doc blocks, properties files, then models, seeds,
 * singular tests and analyses, sources, generic tests; then resolves refs and checks for cycles.
 */
public final class ProjectParser {
    private static final List<String> SQL = List.of(".sql");
    private static final List<String> YML = List.of(".yml", ".yaml");

    private final ParseEnvironment env;

    public ProjectParser(ParseEnvironment env) {
        this.env = env;
    }

    /**
     * @param packages       the installed packages' project configs (not the root)
     * @param internalMacros Slipway's global macro files (package {@code dbt}) and the adapter's
     */
    public ParseResult parse(List<ProjectConfig> packages, List<SourceFile> internalMacros) {
        List<ProjectConfig> all = new ArrayList<>(packages);
        all.add(env.root());

        // properties files are read as YAML in the background from the start: nothing before step 3 needs them.
        // Each package on a thread of its own, not a pool worker, so that its parallel stream can use every core
        Map<ProjectConfig, java.util.concurrent.CompletableFuture<List<ReadYaml>>> yaml = new HashMap<>();
        for (ProjectConfig pkg : all) {
            yaml.put(pkg, java.util.concurrent.CompletableFuture.supplyAsync(() -> readYaml(pkg), task -> {
                Thread thread = new Thread(task, "slipway-yaml-" + pkg.name());
                thread.setDaemon(true);
                thread.start();
            }));
        }

        // 1. macros
        Map<String, MacroNode> macros = parseMacros(all, internalMacros);

        // 2. doc blocks
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        for (ProjectConfig pkg : all) {
            for (SourceFile file : FileFinder.find(pkg.name(), pkg.projectDir(), pkg.docsPaths(), List.of(".md"))) {
                for (BlockScanner.Block block : BlockScanner.scan(file.contents(), List.of("docs"))) {
                    String id = "doc." + pkg.name() + "." + block.name();
                    docs.put(id, new DocBlock(id, block.name(), pkg.name(), file.resourcePath(), file.originalFilePath(), block.contents().strip()));
                }
            }
        }

        DescriptionRenderer descriptions = new DescriptionRenderer(env.context(), docs);
        NodeFactory nodeFactory = new NodeFactory(env, descriptions);
        GenericTestFactory testFactory = new GenericTestFactory(env, nodeFactory);
        SourceFactory sourceFactory = new SourceFactory(env, descriptions);
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, List<Integer>> refLines = new HashMap<>();
        List<Node> disabled = new ArrayList<>();
        Map<String, SourceDefinition> sources = new LinkedHashMap<>();
        List<java.util.function.Consumer<List<TestTask>>> genericTests = new ArrayList<>();
        List<io.slipway.core.manifest.GroupDefinition> groups = new ArrayList<>();
        List<Map.Entry<Properties.UnitTestDecl, ProjectConfig>> unitTests = new ArrayList<>();
        List<Map.Entry<Properties.ExposureDecl, ProjectConfig>> exposures = new ArrayList<>();

        for (ProjectConfig pkg : all) {
            // 3. properties
            PropertiesParser properties = new PropertiesParser();
            // merging what was read stays in file order; the first file that failed to read fails the parse
            for (ReadYaml read : yaml.get(pkg).join()) {
                if (read.document() instanceof RuntimeException e) {
                    throw e;
                }
                properties.parse(read.file(), read.document());
            }
            describeMacros(macros, properties, pkg);
            properties.unitTests().forEach(decl -> unitTests.add(Map.entry(decl, pkg)));
            properties.exposures().forEach(decl -> exposures.add(Map.entry(decl, pkg)));
            properties.groups().values().forEach(g -> groups.add(new io.slipway.core.manifest.GroupDefinition(g.name(), g.packageName(),
                    g.file().substring(g.file().indexOf('/') + 1), g.file(), g.owner(), g.description())));

            // 4. models, seeds, singular tests, analyses
            List<SourceFile> modelFiles = FileFinder.find(pkg.name(), pkg.projectDir(), pkg.modelPaths(), SQL);
            Set<String> modelStems = new java.util.HashSet<>();
            modelFiles.forEach(f -> modelStems.add(f.stem()));
            for (NodeFactory.Parsed parsed : inParallel(modelFiles,
                    file -> nodeFactory.sqlNode(ResourceType.MODEL, file, pkg, properties.modelPatch(file.stem(), modelStems)))) {
                add(nodes, disabled, refLines, parsed);
            }
            for (SourceFile file : FileFinder.find(pkg.name(), pkg.projectDir(), pkg.seedPaths(), List.of(".csv"))) {
                add(nodes, disabled, refLines, nodeFactory.seed(file, pkg, properties.seeds().get(file.stem())));
            }
            for (SourceFile file : FileFinder.find(pkg.name(), pkg.projectDir(), pkg.testPaths(), SQL)) {
                if (file.resourcePath().startsWith("generic/") || file.resourcePath().startsWith("fixtures/")) {
                    continue;
                }
                add(nodes, disabled, refLines, nodeFactory.sqlNode(ResourceType.TEST, file, pkg, null));
            }
            for (SourceFile file : FileFinder.find(pkg.name(), pkg.projectDir(), pkg.snapshotPaths(), SQL)) {
                for (BlockScanner.Block block : BlockScanner.scan(file.contents(), List.of("snapshot"))) {
                    add(nodes, disabled, refLines, nodeFactory.snapshot(file, block, pkg, properties.snapshots().get(block.name())));
                }
            }
            for (Properties.YamlSnapshot snapshot : properties.yamlSnapshots()) {
                add(nodes, disabled, refLines, nodeFactory.yamlSnapshot(snapshot, pkg, properties.snapshots().get(snapshot.name())));
            }
            for (SourceFile file : FileFinder.find(pkg.name(), pkg.projectDir(), pkg.analysisPaths(), SQL)) {
                add(nodes, disabled, refLines, nodeFactory.sqlNode(ResourceType.ANALYSIS, file, pkg, properties.analyses().get(file.stem())));
            }

            // 5. sources
            for (SourcePatch source : properties.sources()) {
                for (SourceDefinition def : sourceFactory.build(source, pkg)) {
                    if (sources.putIfAbsent(def.uniqueId(), def) != null) {
                        throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE,
                                "source '" + def.sourceName() + "." + def.name() + "' is defined twice (" + source.file() + ")", source.file(), 0);
                    }
                }
            }

            // 6. generic tests, once every node of the package exists
            genericTests.add(testTasks -> {
                for (Map.Entry<String, NodePatch> e : allPatches(properties).entrySet()) {
                    NodePatch patch = e.getValue();
                    String version = patch.versionInfo().versionText();
                    Node attached = version == null ? findAttached(nodes, pkg.name(), patch.name())
                            : nodes.get("model." + pkg.name() + "." + patch.name() + ".v" + version);
                    if (attached == null) {
                        // a versioned model's patch names the file it expected (name_v2), as dbt's warning does
                        String expected = version == null ? patch.name() : e.getKey().substring(e.getKey().indexOf(':') + 1);
                        if ((version != null || !patch.tests().isEmpty()) && disabled.stream().noneMatch(d -> d.name().equals(patch.name()))) {
                            env.context().events().emit(io.slipway.core.event.Event.of(io.slipway.core.event.EventCode.Z004_WARNING,
                                    io.slipway.core.event.Level.WARN,
                                    "[WARNING]: Did not find matching node for patch with name '" + expected + "' in the '"
                                            + e.getKey().substring(0, e.getKey().indexOf(':')) + "' section of file '" + patch.file() + "'", Map.of()));
                        }
                        continue;
                    }
                    for (TestDecl test : patch.tests()) {
                        // a version's tests are named after name_v<version> and ref it by version, as dbt's
                        Target target = version == null
                                ? new Target(patch.name(), "{{ get_where_subquery(ref('" + patch.name() + "')) }}",
                                        new RefCall(patch.name(), null, null), null, attached.uniqueId(), patch.file(), false)
                                : new Target(patch.name() + "_v" + version,
                                        "{{ get_where_subquery(ref('" + patch.name() + "', version='" + version + "')) }}",
                                        new RefCall(patch.name(), null, version), null, attached.uniqueId(), patch.file(), false);
                        testTasks.add(new TestTask(test, target, pkg));
                    }
                }
                for (SourcePatch source : properties.sources()) {
                    for (SourceTablePatch table : source.tables()) {
                        for (TestDecl test : table.tests()) {
                            Target target = new Target(source.name() + "_" + table.name(),
                                    "{{ get_where_subquery(source('" + source.name() + "', '" + table.name() + "')) }}",
                                    null, List.of(source.name(), table.name()), null, source.file(), true);
                            testTasks.add(new TestTask(test, target, pkg));
                        }
                    }
                }
            });
        }
        List<TestTask> testTasks = new ArrayList<>();
        genericTests.forEach(collect -> collect.accept(testTasks));
        for (NodeFactory.Parsed parsed : inParallel(testTasks, t -> testFactory.build(t.decl(), t.target(), t.pkg()))) {
            add(nodes, disabled, refLines, parsed);
        }
        // 7. exposures (their refs are resolved with everything else's), and unit tests, once every model exists
        ExposureFactory exposureFactory = new ExposureFactory(nodeFactory);
        for (Map.Entry<Properties.ExposureDecl, ProjectConfig> exposure : exposures) {
            add(nodes, disabled, refLines, exposureFactory.build(exposure.getKey(), exposure.getValue()));
        }
        UnitTestFactory unitTestFactory = new UnitTestFactory(nodeFactory);
        for (Map.Entry<Properties.UnitTestDecl, ProjectConfig> unitTest : unitTests) {
            for (NodeFactory.Parsed parsed : unitTestFactory.build(unitTest.getKey(), unitTest.getValue(), nodes, disabled)) {
                add(nodes, disabled, refLines, parsed);
            }
        }

        Manifest draft = new Manifest(env.root().name(), env.adapter().type(), nodes, sources, macros, docs);
        Map<String, Node> linked = link(draft, refLines, disabled, env.context().events());
        Manifest manifest = new Manifest(env.root().name(), env.adapter().type(), linked, sources, macros, docs, ModelAccess.groups(groups));
        checkCycles(manifest);
        ModelAccess.check(manifest, env.context().events());
        return new ParseResult(manifest, disabled);
    }

    /** A properties file and what reading it as YAML gave: the document, or the exception. */
    private record ReadYaml(SourceFile file, Object document) {
    }

    /** Every properties file of a package, read as YAML on every core, in file order. */
    private static List<ReadYaml> readYaml(ProjectConfig pkg) {
        Set<String> ymlFolders = new LinkedHashSet<>();
        ymlFolders.addAll(pkg.modelPaths());
        ymlFolders.addAll(pkg.seedPaths());
        ymlFolders.addAll(pkg.snapshotPaths());
        ymlFolders.addAll(pkg.analysisPaths());
        ymlFolders.addAll(pkg.macroPaths());
        ymlFolders.addAll(pkg.testPaths());
        List<ReadYaml> out;
        try {
            List<SourceFile> ymlFiles = FileFinder.find(pkg.name(), pkg.projectDir(), new ArrayList<>(ymlFolders), YML);
            ReadYaml[] read = new ReadYaml[ymlFiles.size()];
            java.util.stream.IntStream.range(0, ymlFiles.size()).parallel().forEach(i -> {
                SourceFile file = ymlFiles.get(i);
                Object document;
                try {
                    document = io.slipway.core.project.Yaml.parse(file.contents(), file.originalFilePath());
                } catch (RuntimeException e) {
                    document = e;
                }
                read[i] = new ReadYaml(file, document);
            });
            out = java.util.Arrays.asList(read);
        } catch (RuntimeException e) {
            out = List.of(new ReadYaml(null, e));
        }
        return out;
    }

    /**
     * A project as an earlier parse left it, from the same inputs: macros are parsed again (they hold
     * parsed templates and the session's context needs their index), everything else is taken as it was.
     */
    public ParseResult restore(List<ProjectConfig> packages, List<SourceFile> internalMacros, ParseSnapshot snapshot) {
        List<ProjectConfig> all = new ArrayList<>(packages);
        all.add(env.root());
        Map<String, MacroNode> macros = parseMacros(all, internalMacros);
        snapshot.macroDescriptions().forEach((id, description) -> {
            MacroNode m = macros.get(id);
            if (m != null) {
                macros.put(id, new MacroNode(m.uniqueId(), m.name(), m.packageName(), m.path(), m.originalFilePath(), m.macroSql(),
                        m.dependsOn(), description, m.definition()));
            }
        });
        Manifest manifest = new Manifest(env.root().name(), env.adapter().type(), snapshot.nodes(), snapshot.sources(), macros,
                snapshot.docs(), snapshot.groups());
        return new ParseResult(manifest, snapshot.disabled());
    }

    /** A model or singular test file edited since a parse was kept, with the package it belongs to. */
    public record EditedFile(ResourceType type, SourceFile file, ProjectConfig pkg) {
        public EditedFile {
            java.util.Objects.requireNonNull(type, "type is null");
            java.util.Objects.requireNonNull(file, "file is null");
            java.util.Objects.requireNonNull(pkg, "pkg is null");
        }
    }

    /**
     * An earlier parse in which only these model or singular-test files were edited: those files are
     * parsed again (with their properties entry, read from the one file that holds it), linked and
     * checked with the rest of the graph; everything else is taken as it was. Null when the edit changes
     * more than its own node (it disables the node, or the node is versioned), so that a full parse must
     * decide.
     */
    public ParseResult restore(List<ProjectConfig> packages, List<SourceFile> internalMacros, ParseSnapshot snapshot, List<EditedFile> edited) {
        ParseResult base = restore(packages, internalMacros, snapshot);
        Manifest old = base.manifest();
        Map<String, Node> bySqlFile = new HashMap<>();
        for (Node node : old.nodes().values()) {
            if (node.originalFilePath().endsWith(".sql")) {
                bySqlFile.put(node.packageName() + ":" + node.originalFilePath(), node);
            }
        }
        NodeFactory nodeFactory = new NodeFactory(env, new DescriptionRenderer(env.context(), old.docs()));
        Map<String, Node> nodes = new LinkedHashMap<>(old.nodes());
        Map<String, List<Integer>> refLines = new HashMap<>();
        for (EditedFile edit : edited) {
            Node before = bySqlFile.get(edit.pkg().name() + ":" + edit.file().originalFilePath());
            if (before == null || before.resourceType() != edit.type() || before.version() != null || refLines.containsKey(before.uniqueId())) {
                return null;
            }
            NodePatch patch = null;
            if (edit.type() == ResourceType.MODEL && before.patchPath() != null) {
                patch = patchOf(edit, before.patchPath());
                if (patch == null) {
                    return null;
                }
            }
            NodeFactory.Parsed parsed = nodeFactory.sqlNode(edit.type(), edit.file(), edit.pkg(), patch);
            if (!parsed.enabled() || !parsed.node().uniqueId().equals(before.uniqueId())) {
                return null;
            }
            nodes.put(before.uniqueId(), parsed.node());
            refLines.put(before.uniqueId(), parsed.refLines());
        }
        Manifest draft = new Manifest(env.root().name(), env.adapter().type(), nodes, old.sources(), old.macros(), old.docs());
        for (String id : refLines.keySet()) {
            Node linked = linkOne(draft, nodes.get(id), refLines.get(id), base.disabled(), env.context().events());
            if (linked == null) {
                return null;
            }
            nodes.put(id, linked);
        }
        Manifest manifest = new Manifest(env.root().name(), env.adapter().type(), nodes, old.sources(), old.macros(), old.docs(), old.groups());
        checkCycles(manifest);
        ModelAccess.check(manifest, env.context().events());
        return new ParseResult(manifest, base.disabled());
    }

    /** A model's entry in the properties file named by its {@code patch_path} ({@code pkg://models/schema.yml}). */
    private static NodePatch patchOf(EditedFile edit, String patchPath) {
        String original = patchPath.substring(patchPath.indexOf("://") + 3);
        Path file = edit.pkg().projectDir().resolve(original);
        String contents;
        try {
            contents = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return null;
        }
        PropertiesParser properties = new PropertiesParser();
        properties.parse(new SourceFile(edit.pkg().name(), original, original.substring(original.indexOf('/') + 1), contents,
                file.toAbsolutePath().toString()));
        return properties.modelPatch(edit.file().stem(), Set.of());
    }

    /** Every macro file's macros, linked to the macros they call; the session's context gets their index. */
    private Map<String, MacroNode> parseMacros(List<ProjectConfig> all, List<SourceFile> internalMacros) {
        MacroParser macroParser = new MacroParser(env.context().jinja());
        Map<String, MacroNode> macros = new LinkedHashMap<>();
        List<SourceFile> macroFiles = new ArrayList<>(internalMacros);
        for (ProjectConfig pkg : all) {
            macroFiles.addAll(FileFinder.find(pkg.name(), pkg.projectDir(), pkg.macroPaths(), SQL));
            List<String> genericDirs = pkg.testPaths().stream().map(p -> p + "/generic").toList();
            macroFiles.addAll(FileFinder.find(pkg.name(), pkg.projectDir(), genericDirs, SQL));
        }
        for (SourceFile file : macroFiles) {
            for (MacroNode macro : macroParser.parse(file)) {
                MacroNode previous = macros.putIfAbsent(macro.uniqueId(), macro);
                if (previous != null) {
                    throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE,
                            "dbt found two macros named '" + macro.name() + "' in package '" + macro.packageName() + "': "
                                    + previous.originalFilePath() + " and " + macro.originalFilePath() + "; rename or remove one",
                            macro.originalFilePath(), 0);
                }
            }
        }
        List<String> internalPackages = new ArrayList<>();
        internalPackages.add("dbt_" + env.adapter().type());
        internalPackages.add(MacroIndex.GLOBAL_PACKAGE);
        MacroIndex index = new MacroIndex(env.root().name(), internalPackages, macros.values());
        env.context().setMacros(index);
        macros = MacroParser.linkDependencies(macros, index, env.context().adapterTypes());
        index = new MacroIndex(env.root().name(), internalPackages, macros.values());
        env.context().setMacros(index);
        return macros;
    }

    /**
     * Parses files on every core (each parse has its own render state; templates and macros are shared
     * read-only), keeping file order, and reports the first failure in file order as the sequential
     * parse would.
     */
    private static <T> List<NodeFactory.Parsed> inParallel(List<T> files, java.util.function.Function<T, NodeFactory.Parsed> parse) {
        Object[] results = new Object[files.size()];
        java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
            try {
                results[i] = parse.apply(files.get(i));
            } catch (RuntimeException e) {
                results[i] = e;
            }
        });
        List<NodeFactory.Parsed> out = new ArrayList<>(files.size());
        for (Object r : results) {
            if (r instanceof RuntimeException e) {
                throw e;
            }
            out.add((NodeFactory.Parsed) r);
        }
        return out;
    }

    /** A generic test to build once every node of every package exists. */
    private record TestTask(TestDecl decl, Target target, ProjectConfig pkg) {
    }

    private static Map<String, NodePatch> allPatches(PropertiesParser properties) {
        Map<String, NodePatch> out = new LinkedHashMap<>();
        properties.models().forEach((k, v) -> out.put("models:" + k, v));
        properties.seeds().forEach((k, v) -> out.put("seeds:" + k, v));
        properties.snapshots().forEach((k, v) -> out.put("snapshots:" + k, v));
        return out;
    }

    private static Node findAttached(Map<String, Node> nodes, String pkg, String name) {
        for (ResourceType type : List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT)) {
            Node n = nodes.get(type.dbtName() + "." + pkg + "." + name);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private static void describeMacros(Map<String, MacroNode> macros, PropertiesParser properties, ProjectConfig pkg) {
        properties.macros().forEach((name, patch) -> {
            String id = "macro." + pkg.name() + "." + name;
            MacroNode m = macros.get(id);
            if (m != null && patch.description() != null) {
                macros.put(id, new MacroNode(m.uniqueId(), m.name(), m.packageName(), m.path(), m.originalFilePath(), m.macroSql(),
                        m.dependsOn(), patch.description(), m.definition()));
            }
        });
    }

    private static void add(Map<String, Node> nodes, List<Node> disabled, Map<String, List<Integer>> refLines, NodeFactory.Parsed parsed) {
        Node node = parsed.node();
        if (!parsed.enabled()) {
            disabled.add(node);
            return;
        }
        Node previous = nodes.putIfAbsent(node.uniqueId(), node);
        if (previous != null) {
            throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE,
                    "dbt found two " + node.resourceType().dbtName() + "s with the name \"" + node.name() + "\": "
                            + previous.originalFilePath() + " and " + node.originalFilePath()
                            + "; rename one (names must be unique within a package)", node.originalFilePath(), 0);
        }
        refLines.put(node.uniqueId(), parsed.refLines());
    }

    /**
     * Resolves every node's refs and sources into {@code depends_on.nodes}. An unknown name is an error with
     * suggestions, except in a test: as dbt does, such a test is disabled, with a warning when its target
     * does not exist (a disabled target only says so at debug level).
     */
    private static Map<String, Node> link(Manifest draft, Map<String, List<Integer>> refLines, List<Node> disabled, EventSink events) {
        // resolved on every core; the rare node that does not resolve is handled after, in order
        List<Node> all = new ArrayList<>(draft.nodes().values());
        Node[] resolved = new Node[all.size()];
        java.util.stream.IntStream.range(0, all.size()).parallel().forEach(i -> resolved[i] = resolved(draft, all.get(i)));
        Map<String, Node> out = new LinkedHashMap<>();
        for (int i = 0; i < resolved.length; i++) {
            Node node = all.get(i);
            Node linked = resolved[i] != null ? resolved[i]
                    : linkOne(draft, node, refLines.getOrDefault(node.uniqueId(), List.of()), disabled, events);
            if (linked != null) {
                out.put(node.uniqueId(), linked);
            }
        }
        return out;
    }

    /** The node with its dependencies, or null when one of its refs or sources does not resolve. */
    private static Node resolved(Manifest draft, Node node) {
        if (node.resourceType() == ResourceType.UNIT_TEST) {
            return node; // depends on the model it tests, found when it was built
        }
        List<String> parents = new ArrayList<>(node.refs().size() + node.sources().size());
        for (RefCall ref : node.refs()) {
            Node target = draft.resolveRef(ref, node.packageName());
            if (target == null) {
                return null;
            }
            if (!parents.contains(target.uniqueId())) {
                parents.add(target.uniqueId());
            }
        }
        for (List<String> source : node.sources()) {
            SourceDefinition def = draft.resolveSource(source.get(0), source.get(1), node.packageName());
            if (def == null) {
                return null;
            }
            if (!parents.contains(def.uniqueId())) {
                parents.add(def.uniqueId());
            }
        }
        return node.withDependsOn(new DependsOn(node.dependsOn().macros(), parents));
    }

    /**
     * The node with its dependencies; when a ref or source does not resolve, an error naming it, or for a
     * test null, the test being disabled (and added to {@code disabled}) as dbt does.
     */
    private static Node linkOne(Manifest draft, Node node, List<Integer> lines, List<Node> disabled, EventSink events) {
        Node linked = resolved(draft, node);
        if (linked != null) {
            return linked;
        }
        for (int i = 0; i < node.refs().size(); i++) {
            RefCall ref = node.refs().get(i);
            Node target = draft.resolveRef(ref, node.packageName());
            if (target == null) {
                int line = i < lines.size() ? lines.get(i) : 0;
                boolean isDisabled = disabled.stream().anyMatch(d -> d.name().equals(ref.name()) && d.resourceType().isRefable());
                String what = describe(node);
                String message = what + " depends on a node named '" + ref.name() + "'" + (ref.version() == null ? "" : " with version '" + ref.version() + "'")
                        + (ref.packageName() == null ? "" : " in package '" + ref.packageName() + "'")
                        + (isDisabled ? " which is disabled" : " which was not found");
                if (node.resourceType() == ResourceType.TEST) {
                    return disableTest(node, message, isDisabled, disabled, events);
                }
                throw new SlipwayException(ErrorCode.REF_NOT_FOUND,
                        message + " (" + RefFunction.describe(ref) + (line > 0 ? " at line " + line : "") + ")."
                                + (isDisabled ? " Enable it or remove the ref." : Suggestions.didYouMean(ref.name(), draft.refableNames())),
                        node.originalFilePath(), line);
            }
        }
        for (List<String> source : node.sources()) {
            SourceDefinition def = draft.resolveSource(source.get(0), source.get(1), node.packageName());
            if (def == null) {
                String wanted = source.get(0) + "." + source.get(1);
                String message = describe(node) + " depends on a source named '" + wanted + "' which was not found";
                if (node.resourceType() == ResourceType.TEST) {
                    return disableTest(node, message, false, disabled, events);
                }
                throw new SlipwayException(ErrorCode.SOURCE_NOT_FOUND,
                        message + "." + Suggestions.didYouMean(wanted, draft.sourceNames())
                                + " Declare it under 'sources:' in a properties file.", node.originalFilePath(), 0);
            }
        }
        throw new IllegalStateException("node " + node.uniqueId() + " did not resolve, yet every ref and source does");
    }

    private static Node disableTest(Node test, String message, boolean targetDisabled, List<Node> disabled, EventSink events) {
        Map<String, Object> config = new LinkedHashMap<>(test.config().values());
        config.put("enabled", false);
        disabled.add(test.withConfig(new io.slipway.core.manifest.NodeConfig(config)));
        events.emit(io.slipway.core.event.Event.of(io.slipway.core.event.EventCode.Z004_WARNING,
                targetDisabled ? io.slipway.core.event.Level.DEBUG : io.slipway.core.event.Level.WARN,
                (targetDisabled ? "" : "[WARNING]: ") + message, Map.of()));
        return null;
    }

    private static String describe(Node node) {
        String kind = node.resourceType().dbtName();
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " '" + node.uniqueId() + "' (" + node.originalFilePath() + ")";
    }

    private static void checkCycles(Manifest manifest) {
        // a test is never a parent, so it cannot be on a cycle: leaving tests out makes the graph a third as large
        Map<String, List<String>> parents = new LinkedHashMap<>();
        manifest.nodes().forEach((id, node) -> {
            if (node.resourceType() != ResourceType.TEST) {
                parents.put(id, node.dependsOn().nodes());
            }
        });
        List<String> cycle = new DependencyGraph(parents).findCycle();
        if (!cycle.isEmpty()) {
            Node first = manifest.node(cycle.get(0));
            throw new SlipwayException(ErrorCode.DEPENDENCY_CYCLE,
                    "Found a cycle: " + String.join(" --> ", cycle) + ". Remove one of these refs to break it.",
                    first == null ? null : first.originalFilePath(), 0);
        }
    }

    /** For callers that need a path relative to the project for messages. */
    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}

package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.CompiledInfo;
import io.slipway.core.artifacts.ManifestWriter;
import io.slipway.core.artifacts.RunResultsWriter;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.graph.DependencyGraph;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.Renderer;
import io.slipway.core.template.ContextLocals;
import io.slipway.core.template.ParseCapture;
import io.slipway.core.template.RelationValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * {@code run}, {@code test}, {@code seed} and {@code build}: the selected nodes of the command's types run
 * along the graph on the target's threads, with dbt's console lines, skipping and summary, then
 * {@code run_results.json} and the compiled manifest are written.
 */
final class RunTask {
    private final ProjectSession session;
    private final ParseResult parsed;
    private final InvocationRequest request;
    private final Reporter reporter;
    private final BooleanSupplier cancelled;
    private final Map<String, AdapterConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, CompiledInfo> compiled = new ConcurrentHashMap<>();
    private final Deferral deferral;
    private volatile boolean failedFast;

    RunTask(ProjectSession session, ParseResult parsed, InvocationRequest request, Reporter reporter, BooleanSupplier cancelled) {
        this(session, parsed, request, reporter, cancelled, Deferral.NONE);
    }

    /** @param deferral how ref() defers to the state ({@code --defer}), and the state relations {@code clone} copies */
    RunTask(ProjectSession session, ParseResult parsed, InvocationRequest request, Reporter reporter, BooleanSupplier cancelled,
            Deferral deferral) {
        this.session = session;
        this.parsed = parsed;
        this.request = request;
        this.reporter = reporter;
        this.cancelled = cancelled;
        this.deferral = deferral;
    }

    /** The resource types a command runs. */
    static Set<ResourceType> typesOf(Command command) {
        return switch (command) {
            case RUN -> Set.of(ResourceType.MODEL);
            case TEST -> Set.of(ResourceType.TEST, ResourceType.UNIT_TEST);
            case SEED -> Set.of(ResourceType.SEED);
            case SNAPSHOT -> Set.of(ResourceType.SNAPSHOT);
            case BUILD -> Set.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT, ResourceType.TEST, ResourceType.UNIT_TEST);
            case CLONE -> Set.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT);
            case COMPILE -> Set.of(ResourceType.MODEL, ResourceType.TEST, ResourceType.ANALYSIS, ResourceType.SNAPSHOT);
            default -> Set.of(ResourceType.values());
        };
    }

    /** Cancels the statements running now (the scheduler stops dispatching on its own). */
    void cancelRunning() {
        for (AdapterConnection c : connections.values()) {
            c.cancel();
        }
    }

    List<NodeResult> execute(List<Node> selected, ArtifactMetadata metadata) {
        boolean[] written = {false};
        try {
            List<NodeResult> results = executeAndWrite(selected, metadata);
            written[0] = true;
            return results;
        } finally {
            if (!written[0] && request.writeJson()) {
                // a failure outside any node (a hook, a schema): the manifest is still worth having
                ManifestWriter.write(session.targetDir().resolve("manifest.json"), parsed.manifest(), parsed.disabled(), metadata, compiled);
            }
        }
    }

    private List<NodeResult> executeAndWrite(List<Node> selected, ArtifactMetadata metadata) {
        Manifest manifest = parsed.manifest();
        long started = System.nanoTime();
        List<Node> runnable = selected.stream().filter(n -> !n.isEphemeral()).toList();
        reporter.info(foundLine(manifest));
        if (runnable.isEmpty()) {
            reporter.warn("Nothing to do. Try checking your model configs and model specification args");
            writeArtifacts(List.of(), 0, metadata);
            return List.of();
        }
        int threads = session.threads();
        reporter.info("Concurrency: " + threads + " thread" + (threads == 1 ? "" : "s") + " (target='" + session.profile().targetName() + "')");
        reporter.info("");

        Compiler compiler = new Compiler(manifest, session.context(), session.project().projectDir(), session.targetDir(),
                graphSupplier(manifest), deferral);
        Map<String, Path> packageDirs = packageDirs();
        boolean cloning = request.command() == Command.CLONE;
        NodeRunner runner = new NodeRunner(session.context(), compiler, manifest, packageDirs, cloning);

        // as dbt: the schemas exist before on-run-start hooks run
        createSchemas(runnable);
        runHooks("on-run-start", session.project().onRunStart(), manifest);

        Map<String, Node> byId = new LinkedHashMap<>();
        runnable.forEach(n -> byId.put(n.uniqueId(), n));
        DependencyGraph graph = executionGraph(byId, manifest);
        int total = byId.size();
        Map<String, Integer> indexes = new ConcurrentHashMap<>();
        int[] nextIndex = {0};
        Scheduler scheduler = new Scheduler(graph, threads);
        List<NodeResult> results = scheduler.run(new Scheduler.Work() {
            @Override
            public void starting(String id) {
                indexes.put(id, ++nextIndex[0]);
            }

            @Override
            public NodeResult run(String id) {
                Node node = byId.get(id);
                int index = indexes.get(id);
                String start = cloning ? "START clone of " + cloned(node) : ConsoleLines.start(node);
                reporter.emit(EventCode.Q011_NODE_START, Level.INFO, ConsoleLines.line(index, total, start, "RUN", null),
                        nodeData(node, index, total, null));
                AdapterConnection connection;
                try {
                    connection = connection();
                } catch (RuntimeException e) {
                    // no connection for this thread (pool exhausted, server gone): this node errors, the run goes on
                    return new NodeResult(id, NodeStatus.ERROR, "Database Error in " + node.resourceType().dbtName() + " " + node.name()
                            + " (" + node.originalFilePath() + ")\n  could not open a connection: " + e.getMessage(), null, Map.of(),
                            null, null, null, java.time.Instant.now(), 0, Thread.currentThread().getName(), null, null, node.relationName());
                }
                NodeSession nodeSession = new NodeSession(session.adapter(), connection, true);
                NodeResult result = runner.run(node, nodeSession, batchLines(node));
                if (result.compiledCode() != null) {
                    compiled.put(id, new CompiledInfo(result.compiledCode(), result.compiledPath()));
                }
                return result;
            }

            @Override
            public NodeResult skip(String id, String cause) {
                Node node = byId.get(id);
                String message = cause == null ? "Skipped: the run stopped before this node" : "Skipped: upstream " + cause + " failed";
                return NodeResult.skipped(id, message, node.relationName());
            }

            @Override
            public void finished(NodeResult result) {
                Node node = byId.get(result.uniqueId());
                Integer index = indexes.get(result.uniqueId());
                if (index == null) {
                    index = ++nextIndex[0];
                    indexes.put(result.uniqueId(), index);
                }
                String[] line = ConsoleLines.finish(node, result);
                if (cloning && result.status() == NodeStatus.SUCCESS) {
                    line = new String[] {"OK cloned " + cloned(node), line[1]};
                }
                Level level = result.status() == NodeStatus.ERROR || result.status() == NodeStatus.FAIL ? Level.ERROR
                        : result.status() == NodeStatus.WARN || result.status() == NodeStatus.PARTIAL_SUCCESS ? Level.WARN : Level.INFO;
                reporter.emit(result.status() == NodeStatus.SKIPPED ? EventCode.Q013_NODE_SKIPPED : EventCode.Q012_NODE_FINISHED, level,
                        ConsoleLines.line(index, total, line[0], line[1], result.status() == NodeStatus.SKIPPED ? null : result.executionTime()),
                        nodeData(node, index, total, result));
                if (request.failFast() && result.status().isFailure()) {
                    failedFast = true;
                }
            }
        }, result -> request.command() == Command.BUILD ? result.status().skipsDescendantsInBuild()
                : request.command() != Command.TEST && !cloning && result.status() == NodeStatus.ERROR,
                () -> cancelled.getAsBoolean() || failedFast);
        runHooks("on-run-end", session.project().onRunEnd(), manifest);
        closeConnections();
        double elapsed = (System.nanoTime() - started) / 1e9;
        summarize(results, byId, elapsed);
        writeArtifacts(results, elapsed, metadata);
        return results;
    }

    /** A microbatch model's lines for its batches, as dbt prints them ({@code Batch 1 of 3 START batch 2024-01-01 of main.daily}). */
    private NodeRunner.BatchEvents batchLines(Node node) {
        String relation = node.schema() + "." + node.alias();
        return new NodeRunner.BatchEvents() {
            @Override
            public void started(MicrobatchPlan.Batch batch, int index, int total) {
                reporter.emit(EventCode.Q011_NODE_START, Level.INFO, "Batch " + ConsoleLines.line(index, total,
                        "START batch " + batch.label() + " of " + relation, "RUN", null), Map.of("unique_id", node.uniqueId(), "batch_id", batch.id()));
            }

            @Override
            public void finished(MicrobatchPlan.Batch batch, int index, int total, boolean ok, double seconds) {
                reporter.emit(EventCode.Q012_NODE_FINISHED, ok ? Level.INFO : Level.ERROR, "Batch " + ConsoleLines.line(index, total,
                        (ok ? "OK created batch " : "ERROR creating batch ") + batch.label() + " of " + relation, ok ? "SUCCESS" : "ERROR", seconds),
                        Map.of("unique_id", node.uniqueId(), "batch_id", batch.id()));
            }
        };
    }

    /** What clone lines name: the node's kind and relation (it becomes a view whatever it was built as). */
    private static String cloned(Node node) {
        return node.resourceType().dbtName() + " " + node.schema() + "." + node.alias();
    }

    private Map<String, Object> nodeData(Node node, int index, int total, NodeResult result) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unique_id", node.uniqueId());
        data.put("resource_type", node.resourceType().dbtName());
        data.put("index", index);
        data.put("total", total);
        if (result != null) {
            data.put("status", result.status().json());
            data.put("execution_time", result.executionTime());
            data.put("message", result.message());
        }
        return data;
    }

    private AdapterConnection connection() {
        String thread = Thread.currentThread().getName();
        return connections.computeIfAbsent(thread, t -> new ObservedConnection(session.adapter().open(t), reporter.sink()));
    }

    private void closeConnections() {
        for (AdapterConnection c : connections.values()) {
            c.close();
        }
        connections.clear();
    }

    /**
     * The graph nodes run on: dependencies among the selected nodes, and in build, tests before their parents'
     * children. A unit test runs after its model's parents (its fixtures take their column types from them)
     * and, in build, before its model, which a failing unit test then skips.
     */
    private DependencyGraph executionGraph(Map<String, Node> byId, Manifest manifest) {
        Map<String, List<String>> parents = new HashMap<>();
        manifest.nodes().forEach((id, n) -> parents.put(id, new ArrayList<>(n.dependsOn().nodes())));
        for (Node unitTest : byId.values()) {
            if (unitTest.resourceType() == ResourceType.UNIT_TEST && !unitTest.dependsOn().nodes().isEmpty()) {
                String model = unitTest.dependsOn().nodes().get(0);
                Node tested = manifest.node(model);
                parents.put(unitTest.uniqueId(), new ArrayList<>(tested == null ? List.of() : tested.dependsOn().nodes()));
                if (request.command() == Command.BUILD && parents.containsKey(model)) {
                    parents.get(model).add(unitTest.uniqueId());
                }
            }
        }
        if (request.command() == Command.BUILD) {
            addTestEdges(byId, manifest, parents);
        }
        return Scheduler.subset(byId.keySet(), id -> parents.getOrDefault(id, List.of()));
    }

    /** dbt's test edges: a test runs before any selected node that descends from all of the test's parents. */
    private static void addTestEdges(Map<String, Node> byId, Manifest manifest, Map<String, List<String>> parents) {
        Map<String, List<String>> childMap = manifest.childMap();
        for (Node test : byId.values()) {
            if (test.resourceType() != ResourceType.TEST || test.dependsOn().nodes().isEmpty()) {
                continue;
            }
            Set<String> common = null;
            for (String parent : test.dependsOn().nodes()) {
                Set<String> desc = descendants(parent, childMap);
                if (common == null) {
                    common = desc;
                } else {
                    common.retainAll(desc);
                }
            }
            for (String child : common) {
                Node c = manifest.node(child);
                // not unit tests: they come before their model, so after its tests would be a cycle
                if (c != null && c.resourceType() != ResourceType.TEST && c.resourceType() != ResourceType.UNIT_TEST && byId.containsKey(child)) {
                    parents.get(child).add(test.uniqueId());
                }
            }
        }
    }

    private static Set<String> descendants(String id, Map<String, List<String>> childMap) {
        Set<String> out = new LinkedHashSet<>();
        List<String> stack = new ArrayList<>(childMap.getOrDefault(id, List.of()));
        while (!stack.isEmpty()) {
            String next = stack.remove(stack.size() - 1);
            if (out.add(next)) {
                stack.addAll(childMap.getOrDefault(next, List.of()));
            }
        }
        return out;
    }

    private void createSchemas(List<Node> runnable) {
        Set<List<String>> schemas = new LinkedHashSet<>();
        for (Node n : runnable) {
            if (n.resourceType() != ResourceType.TEST && n.resourceType() != ResourceType.UNIT_TEST && n.schema() != null) {
                schemas.add(java.util.Arrays.asList(n.database(), n.schema()));
            }
        }
        if (schemas.isEmpty()) {
            return;
        }
        try (AdapterConnection c = new ObservedConnection(session.adapter().open("create-schemas"), reporter.sink())) {
            for (List<String> s : schemas) {
                c.createSchema(s.get(0), s.get(1));
            }
        }
    }

    void runHooks(String which, List<String> hooks, Manifest manifest) {
        if (hooks.isEmpty()) {
            return;
        }
        reporter.info("Running " + hooks.size() + " " + which + " hook" + (hooks.size() == 1 ? "" : "s"));
        try (AdapterConnection c = new ObservedConnection(session.adapter().open(which), reporter.sink())) {
            NodeSession nodeSession = new NodeSession(session.adapter(), c, true);
            int i = 0;
            for (String hook : hooks) {
                i++;
                String name = session.project().name() + "-" + which + "-" + (i - 1);
                ParseCapture none = new ParseCapture(RelationValue.of(null, null, name, null));
                Map<String, Object> locals = ContextLocals.parse(session.context(), nodeSession, none, new LinkedHashMap<>(),
                        RelationValue.of(null, null, name, null));
                locals.put("execute", true);
                NodeGlobals globals = new NodeGlobals(session.context(), session.project().name(), name, locals);
                long t0 = System.nanoTime();
                String sql = Renderer.render(session.context().jinja().parse(hook, "dbt_project.yml"), globals, "dbt_project.yml (" + which + ")");
                try {
                    if (!sql.isBlank()) {
                        c.execute(sql);
                    }
                    c.commit();
                } catch (io.slipway.adapter.AdapterException e) {
                    throw new io.slipway.core.error.SlipwayException(io.slipway.core.error.ErrorCode.DATABASE_ERROR,
                            "Database Error in " + which + " hook " + i + " (" + name + "): " + e.getMessage() + "\n  SQL: " + sql.strip(),
                            "dbt_project.yml", 0, e);
                }
                reporter.emit(EventCode.Q020_HOOK, Level.INFO, ConsoleLines.line(i, hooks.size(), "OK hook: " + name, "OK",
                        (System.nanoTime() - t0) / 1e9), Map.of());
            }
        }
        reporter.info("");
    }

    static String foundLine(Manifest manifest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            String key = switch (n.resourceType()) {
                case MODEL -> "model";
                case SEED -> "seed";
                case TEST -> "data test";
                case SNAPSHOT -> "snapshot";
                case ANALYSIS -> "analysis";
                case UNIT_TEST -> "unit test";
                default -> n.resourceType().dbtName();
            };
            counts.merge(key, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(plural(v, k)));
        if (!manifest.sources().isEmpty()) {
            parts.add(plural(manifest.sources().size(), "source"));
        }
        parts.add(plural(manifest.macros().size(), "macro"));
        return "Found " + String.join(", ", parts);
    }

    static String plural(int n, String word) {
        if (n == 1) {
            return "1 " + word;
        }
        String plural = word.endsWith("s") ? word + "es" : word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s";
        if (word.equals("analysis")) {
            plural = "analyses";
        }
        return n + " " + plural;
    }

    private void summarize(List<NodeResult> results, Map<String, Node> byId, double elapsed) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (NodeResult r : results) {
            Node n = byId.get(r.uniqueId());
            String kind = switch (n.resourceType()) {
                case MODEL -> n.materialized() + " model";
                case SEED -> "seed";
                case TEST -> "data test";
                case SNAPSHOT -> "snapshot";
                case UNIT_TEST -> "unit test";
                default -> n.resourceType().dbtName();
            };
            kinds.merge(kind, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (String order : List.of("seed", "snapshot")) {
            if (kinds.containsKey(order)) {
                parts.add(plural(kinds.remove(order), order));
            }
        }
        Integer tests = kinds.remove("data test");
        kinds.forEach((k, v) -> parts.add(plural(v, k)));
        if (tests != null) {
            parts.add(plural(tests, "data test"));
        }
        long secondsWhole = (long) elapsed;
        reporter.info("");
        reporter.emit(EventCode.Q030_RUN_FINISHED, Level.INFO, String.format(Locale.ROOT,
                "Finished running %s in %d hours %d minutes and %.2f seconds (%.2fs).", String.join(", ", parts),
                secondsWhole / 3600, (secondsWhole % 3600) / 60, elapsed - (secondsWhole / 60) * 60, elapsed), Map.of());
        int pass = 0, warn = 0, error = 0, skip = 0, partial = 0;
        List<NodeResult> problems = new ArrayList<>();
        for (NodeResult r : results) {
            switch (r.status()) {
                case SUCCESS, PASS -> pass++;
                case WARN -> {
                    warn++;
                    problems.add(r);
                }
                case ERROR, FAIL -> {
                    error++;
                    problems.add(r);
                }
                case PARTIAL_SUCCESS -> {
                    partial++;
                    problems.add(r);
                }
                case SKIPPED -> skip++;
            }
        }
        reporter.info("");
        if (error == 0 && warn == 0 && partial == 0) {
            reporter.info("Completed successfully");
        } else if (error == 0 && partial == 0) {
            reporter.warn("Completed with " + plural(warn, "warning") + ":");
        } else {
            reporter.error("Completed with " + plural(error, "error") + ", " + partial + " partial " + (partial == 1 ? "success" : "successes")
                    + ", and " + plural(warn, "warning") + ":");
        }
        for (NodeResult r : problems) {
            Node n = byId.get(r.uniqueId());
            reporter.info("");
            String text;
            if (r.status() == NodeStatus.FAIL || r.status() == NodeStatus.WARN) {
                boolean unit = n.resourceType() == ResourceType.UNIT_TEST;
                text = (r.status() == NodeStatus.FAIL ? "Failure" : "Warning") + " in " + (unit ? "unit_test " : "test ") + n.name()
                        + " (" + n.originalFilePath() + ")" + (unit ? "\n\n" + r.message().strip() : "\n  " + r.message()) + (r.compiledPath() == null ? "" : "\n\n  compiled code at " + r.compiledPath());
            } else {
                text = r.message();
            }
            reporter.emit(EventCode.Q032_FAILURE_DETAIL, r.status() == NodeStatus.WARN ? Level.WARN : Level.ERROR, text,
                    Map.of("unique_id", r.uniqueId()));
        }
        reporter.info("");
        // dbt's status line counts a partial success as an error
        error += partial;
        reporter.emit(EventCode.Q031_RUN_SUMMARY, Level.INFO, "Done. PASS=" + pass + " WARN=" + warn + " ERROR=" + error + " SKIP=" + skip
                + " TOTAL=" + results.size(), Map.of("pass", pass, "warn", warn, "error", error, "skip", skip, "total", results.size()));
    }

    private void writeArtifacts(List<NodeResult> results, double elapsed, ArtifactMetadata metadata) {
        if (!request.writeJson()) {
            return; // --no-write-json
        }
        Path target = session.targetDir();
        List<RunResultsWriter.Entry> entries = new ArrayList<>();
        for (NodeResult r : results) {
            entries.add(r.toEntry());
        }
        RunResultsWriter.write(target.resolve("run_results.json"), entries, elapsed, metadata, Invocation.argsOf(request));
        ManifestWriter.write(target.resolve("manifest.json"), parsed.manifest(), parsed.disabled(), metadata, compiled);
    }

    private Map<String, Path> packageDirs() {
        Map<String, Path> dirs = new HashMap<>();
        dirs.put(session.project().name(), session.project().projectDir());
        Path installed = session.project().projectDir().resolve(session.project().packagesInstallPath());
        for (Node n : parsed.manifest().nodes().values()) {
            if (!dirs.containsKey(n.packageName())) {
                dirs.put(n.packageName(), installed.resolve(n.packageName()));
            }
        }
        return dirs;
    }

    /** The {@code graph} context variable: every node and source as a dict, built once when first asked for. */
    static java.util.function.Supplier<Map<String, Object>> graphSupplier(Manifest manifest) {
        Map<String, Object>[] holder = new Map[1];
        return () -> {
            synchronized (holder) {
                if (holder[0] == null) {
                    Map<String, Object> nodes = new LinkedHashMap<>();
                    Map<String, Object> exposures = new LinkedHashMap<>();
                    for (Node n : manifest.nodes().values()) {
                        // as dbt's graph: exposures apart, unit tests not at all
                        if (n.resourceType() == ResourceType.EXPOSURE) {
                            exposures.put(n.uniqueId(), io.slipway.core.artifacts.ManifestWriter.exposure(n));
                        } else if (n.resourceType() != ResourceType.UNIT_TEST) {
                            nodes.put(n.uniqueId(), io.slipway.core.template.NodeValue.of(n));
                        }
                    }
                    Map<String, Object> sources = new LinkedHashMap<>();
                    manifest.sources().forEach((id, s) -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("unique_id", id);
                        m.put("name", s.name());
                        m.put("source_name", s.sourceName());
                        m.put("database", s.database());
                        m.put("schema", s.schema());
                        m.put("identifier", s.identifier());
                        m.put("resource_type", "source");
                        m.put("package_name", s.packageName());
                        m.put("fqn", new ArrayList<>(s.fqn()));
                        m.put("relation_name", s.relationName());
                        sources.put(id, m);
                    });
                    Map<String, Object> graph = new LinkedHashMap<>();
                    graph.put("nodes", nodes);
                    graph.put("sources", sources);
                    graph.put("exposures", exposures);
                    graph.put("metrics", new LinkedHashMap<>());
                    holder[0] = Collections.unmodifiableMap(graph);
                }
                return holder[0];
            }
        };
    }
}

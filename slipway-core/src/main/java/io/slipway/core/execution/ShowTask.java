package io.slipway.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.QueryResult;
import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.CompiledInfo;
import io.slipway.core.artifacts.ManifestWriter;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.Renderer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code show} (run a model's or an inline query's SQL and print its first rows) and {@code compile}
 * (render nodes, or an inline query, to SQL and print it).
 */
final class ShowTask {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShowTask() {
    }

    /** {@code show}, and {@code compile --inline}. */
    static InvocationResult run(InvocationRequest request, ProjectSession session, ParseResult parsed, Reporter reporter, Deferral deferral) {
        Compiler compiler = new Compiler(parsed.manifest(), session.context(), session.project().projectDir(), session.targetDir(),
                RunTask.graphSupplier(parsed.manifest()), deferral);
        boolean json = "json".equals(request.output());
        try (AdapterConnection connection = session.adapter().open("show")) {
            NodeSession nodeSession = new NodeSession(session.adapter(), connection, true);
            String label;
            String sql;
            if (request.inlineSql() != null) {
                label = "inline_query";
                sql = compiler.compileInline(request.inlineSql(), inlineNode(session), nodeSession);
            } else {
                Node node = single(request, parsed);
                label = node.name();
                sql = compiler.compile(node, nodeSession).sql();
            }
            if (request.command() == Command.COMPILE) {
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("node", label);
                    out.put("compiled", sql);
                    reporter.emit(EventCode.Q041_COMPILED, Level.INFO, toJson(out), Map.of());
                } else {
                    reporter.emit(EventCode.Q041_COMPILED, Level.INFO, "Compiled inline node is:\n" + sql, Map.of());
                }
                return new InvocationResult(0, List.of(), session.targetDir(), null);
            }
            String limited = request.limit() < 0 ? sql
                    : "select * from (\n" + stripSemicolon(sql) + "\n) as model_limit_subq\nlimit " + request.limit();
            QueryResult result;
            try {
                result = connection.execute(limited, true, -1);
            } catch (RuntimeException e) {
                throw Renderer.translate(e, label);
            }
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (List<Object> row : result.rows()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < result.columns().size(); i++) {
                        m.put(result.columns().get(i).name(), jsonValue(row.get(i)));
                    }
                    rows.add(m);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("node", label);
                out.put("show", rows);
                reporter.emit(EventCode.Q040_SHOW_RESULT, Level.INFO, toJson(out), Map.of());
            } else {
                String title = request.inlineSql() != null ? "Previewing inline node:" : "Previewing node '" + label + "':";
                reporter.emit(EventCode.Q040_SHOW_RESULT, Level.INFO, title + "\n" + TextTable.render(result), Map.of());
            }
            return new InvocationResult(0, List.of(), session.targetDir(), null);
        }
    }

    /** {@code compile} without --inline: every selected node, printing the SQL when one node is selected. */
    static InvocationResult compile(InvocationRequest request, ProjectSession session, ParseResult parsed, List<Node> selected,
                                    Reporter reporter, ArtifactMetadata metadata, Deferral deferral) {
        Compiler compiler = new Compiler(parsed.manifest(), session.context(), session.project().projectDir(), session.targetDir(),
                RunTask.graphSupplier(parsed.manifest()), deferral);
        Map<String, CompiledInfo> compiled = compileAll(compiler, session, selected);
        {
            if (selected.size() == 1 && !request.select().isEmpty()) {
                Node only = selected.get(0);
                String sql = compiled.get(only.uniqueId()).compiledCode();
                if ("json".equals(request.output())) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("node", only.name());
                    out.put("compiled", sql);
                    reporter.emit(EventCode.Q041_COMPILED, Level.INFO, toJson(out), Map.of());
                } else {
                    reporter.emit(EventCode.Q041_COMPILED, Level.INFO, "Compiled node '" + only.name() + "' is:\n" + sql, Map.of());
                }
            }
        }
        if (request.writeJson()) {
            ManifestWriter.write(session.targetDir().resolve("manifest.json"), parsed.manifest(), parsed.disabled(), metadata, compiled);
        }
        return new InvocationResult(0, List.of(), session.targetDir(), null);
    }

    /**
     * Compiles nodes on the target's threads (each with its own connection, for macros that look at the
     * warehouse), keeping the selection's order; the first failure in that order is reported.
     */
    static Map<String, CompiledInfo> compileAll(Compiler compiler, ProjectSession session, List<Node> selected) {
        int threads = Math.max(1, Math.min(session.threads(), Runtime.getRuntime().availableProcessors()));
        Object[] results = new Object[selected.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        compiler.writeInBackground();
        try {
            compileOn(threads, compiler, session, selected, results, next);
        } finally {
            compiler.awaitWrites();
        }
        Map<String, CompiledInfo> compiled = new LinkedHashMap<>();
        for (int i = 0; i < selected.size(); i++) {
            if (results[i] instanceof RuntimeException e) {
                throw e;
            }
            if (results[i] instanceof CompiledInfo info) {
                compiled.put(selected.get(i).uniqueId(), info);
            }
        }
        return compiled;
    }

    private static void compileOn(int threads, Compiler compiler, ProjectSession session, List<Node> selected, Object[] results,
                                  java.util.concurrent.atomic.AtomicInteger next) {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (AdapterConnection connection = session.adapter().open(Thread.currentThread().getName())) {
                    for (int i = next.getAndIncrement(); i < selected.size(); i = next.getAndIncrement()) {
                        try {
                            Compiler.Compiled c = compiler.compile(selected.get(i), new NodeSession(session.adapter(), connection, true));
                            results[i] = new CompiledInfo(c.sql(), c.path());
                        } catch (RuntimeException e) {
                            results[i] = e;
                        }
                    }
                }
            }, "Thread-" + (t + 1));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlipwayException(ErrorCode.CANCELLED, "interrupted while compiling");
            }
        }
    }

    private static Node single(InvocationRequest request, ParseResult parsed) {
        if (request.select().isEmpty()) {
            throw new SlipwayException(ErrorCode.USAGE, "show needs --select <model> or --inline \"<sql>\"");
        }
        List<Node> matches = new ArrayList<>();
        for (String selector : request.select()) {
            for (String part : selector.trim().split("\\s+")) {
                for (Node n : parsed.manifest().nodes().values()) {
                    if (n.name().equals(part) && n.resourceType() != ResourceType.TEST) {
                        matches.add(n);
                    }
                }
            }
        }
        if (matches.size() != 1) {
            throw new SlipwayException(ErrorCode.USAGE, "show --select must name exactly one model, seed or snapshot; "
                    + (matches.isEmpty() ? "nothing matched " + request.select() : matches.size() + " matched"));
        }
        return matches.get(0);
    }

    /** A node standing for an inline query, in the root project (so its refs resolve as the project's would). */
    private static Node inlineNode(ProjectSession session) {
        String pkg = session.project().name();
        return new Node("sql_operation." + pkg + ".inline_query", ResourceType.OPERATION, pkg, "inline_query", "inline_query.sql",
                "inline_query.sql", null, List.of(pkg, "inline_query"), FileChecksum.none(), new NodeConfig(Map.of()), Map.of(),
                Map.of(), session.adapter().defaultDatabase(), session.adapter().defaultSchema(), "inline_query", null, "",
                Map.of(), "", "sql", List.of(), List.of(), DependsOn.NONE, null, null, null);
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v instanceof BigDecimal d ? d : v;
        }
        return v.toString();
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not print JSON: " + e.getMessage());
        }
    }
}

package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.QueryResult;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.seed.SeedTable;
import io.slipway.core.template.AdapterResponseValue;
import io.slipway.core.template.AgateTable;
import io.slipway.core.template.DbtContext;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.Macro;
import io.slipway.jinja.runtime.Py;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one node on a connection: compiles it, calls its materialization macro, and reads the outcome
 * (the adapter's response for models and seeds, the failure count and thresholds for tests).
 */
final class NodeRunner {
    private final DbtContext context;
    private final Compiler compiler;
    private final io.slipway.core.manifest.Manifest manifest;
    private final Map<String, Path> packageDirs;
    private final boolean cloning;

    /** @param packageDirs each package's root directory, to find seed files */
    NodeRunner(DbtContext context, Compiler compiler, io.slipway.core.manifest.Manifest manifest, Map<String, Path> packageDirs) {
        this(context, compiler, manifest, packageDirs, false);
    }

    /** @param cloning {@code clone}: nodes run the {@code clone} materialization over their state relation instead */
    NodeRunner(DbtContext context, Compiler compiler, io.slipway.core.manifest.Manifest manifest, Map<String, Path> packageDirs,
               boolean cloning) {
        this.context = context;
        this.compiler = compiler;
        this.manifest = manifest;
        this.packageDirs = Map.copyOf(packageDirs);
        this.cloning = cloning;
    }

    /** What a microbatch model reports of its batches as they run (for console lines). */
    interface BatchEvents {
        BatchEvents NONE = new BatchEvents() {
            @Override
            public void started(MicrobatchPlan.Batch batch, int index, int total) {
            }

            @Override
            public void finished(MicrobatchPlan.Batch batch, int index, int total, boolean ok, double seconds) {
            }
        };

        void started(MicrobatchPlan.Batch batch, int index, int total);

        void finished(MicrobatchPlan.Batch batch, int index, int total, boolean ok, double seconds);
    }

    NodeResult run(Node node, NodeSession session) {
        return run(node, session, BatchEvents.NONE);
    }

    NodeResult run(Node node, NodeSession session, BatchEvents batchEvents) {
        if (!cloning && MicrobatchPlan.isMicrobatch(node)) {
            return runBatches(node, session, batchEvents);
        }
        String thread = Thread.currentThread().getName();
        Instant compileStarted = Instant.now();
        Instant compileCompleted = null;
        Instant executeStarted = null;
        String compiledSql = null;
        String compiledPath = null;
        long started = System.nanoTime();
        try {
            if (cloning) {
                // as dbt's clone: nothing to compile; the SQL selects from the state's relation
                io.slipway.core.template.RelationValue other = compiler.deferral().stateRelation(node);
                compiledSql = other == null ? "" : "select * from " + other.render();
            } else if (node.resourceType() == ResourceType.UNIT_TEST) {
                Compiler.Compiled compiled = new UnitTestCompiler(compiler).compile(node, session);
                compiledSql = compiled.sql();
                compiledPath = compiled.path();
            } else {
                Compiler.Compiled compiled = compiler.compile(node, session);
                compiledSql = compiled.sql();
                compiledPath = compiled.path();
            }
            compileCompleted = Instant.now();
            executeStarted = Instant.now();
            Outcome outcome = materialize(node, session, compiledSql);
            if (!session.mainStatements().isEmpty()) {
                compiler.writeRun(node, String.join("\n\n", session.mainStatements()));
            }
            return new NodeResult(node.uniqueId(), outcome.status, outcome.message, outcome.failures, outcome.response,
                    compileStarted, compileCompleted, executeStarted, Instant.now(), seconds(started), thread, compiledSql, compiledPath,
                    node.relationName());
        } catch (RuntimeException e) {
            rollback(session);
            SlipwayException error = Renderer.translate(e, node.originalFilePath());
            String message = errorMessage(node, error, compiledPath);
            return new NodeResult(node.uniqueId(), NodeStatus.ERROR, message, null, Map.of(), compileStarted, compileCompleted,
                    executeStarted, Instant.now(), seconds(started), thread, compiledSql, compiledPath, node.relationName());
        }
    }

    /**
     * A microbatch model: its batches one after another, each compiled with its event-time window and written
     * by the incremental materialization (the first creates or fully refreshes the table, the others replace
     * their window's rows); pre-hooks run with the first batch, post-hooks with the last, as dbt's. When the
     * first batch fails the others are not run; a later failure does not stop the others, and the model is a
     * partial success (dbt 1.9's status), naming the failed batches.
     */
    private NodeResult runBatches(Node node, NodeSession session, BatchEvents batchEvents) {
        String thread = Thread.currentThread().getName();
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        String compiledSql = null;
        String compiledPath = null;
        try {
            boolean exists = session.connection() != null
                    && session.connection().getRelation(node.database(), node.schema(), node.alias()).isPresent();
            Object configured = node.config().get("full_refresh");
            boolean fullRefresh = configured != null ? Py.truthy(configured) : Boolean.TRUE.equals(context.flags().get("FULL_REFRESH"));
            MicrobatchPlan plan = MicrobatchPlan.of(node, exists, fullRefresh, (String) context.flags().get("EVENT_TIME_START"),
                    (String) context.flags().get("EVENT_TIME_END"), context.runStartedAt());
            List<MicrobatchPlan.Batch> succeeded = new java.util.ArrayList<>();
            List<MicrobatchPlan.Batch> failed = new java.util.ArrayList<>();
            String firstError = null;
            int total = plan.batches().size();
            for (int i = 0; i < total; i++) {
                MicrobatchPlan.Batch batch = plan.batches().get(i);
                if (i > 0 && succeeded.isEmpty()) {
                    // the first batch failed: as dbt, the rest are not run and count as failed
                    failed.add(batch);
                    continue;
                }
                batchEvents.started(batch, i + 1, total);
                long batchStarted = System.nanoTime();
                boolean ok;
                try {
                    session.results().clear();
                    Compiler.Compiled compiled = compiler.compile(node, session, batch);
                    compiledSql = compiled.sql();
                    compiledPath = compiled.path();
                    materialize(node, session, compiledSql, batch, i > 0, i < total - 1);
                    if (!session.mainStatements().isEmpty()) {
                        compiler.writeRun(node, String.join("\n\n", session.mainStatements()));
                    }
                    ok = true;
                } catch (RuntimeException e) {
                    rollback(session);
                    if (firstError == null) {
                        firstError = Renderer.translate(e, node.originalFilePath()).getMessage();
                    }
                    ok = false;
                }
                (ok ? succeeded : failed).add(batch);
                batchEvents.finished(batch, i + 1, total, ok, seconds(batchStarted));
            }
            NodeStatus status = failed.isEmpty() ? NodeStatus.SUCCESS : succeeded.isEmpty() ? NodeStatus.ERROR : NodeStatus.PARTIAL_SUCCESS;
            String message = "SUCCESS";
            if (!failed.isEmpty()) {
                String detail = errorMessage(node, new SlipwayException(ErrorCode.DATABASE_ERROR, failed.size() + " of " + total
                        + " batches failed (" + String.join(", ", failed.stream().map(MicrobatchPlan.Batch::label).toList()) + ")"
                        + (succeeded.isEmpty() ? "" : "; the others were written") + ". First error: " + firstError
                        + "\nRun again with --event-time-start and --event-time-end around the failed batches to retry them."), compiledPath);
                message = succeeded.isEmpty() ? detail : "PARTIAL SUCCESS (" + succeeded.size() + "/" + total + ")\n" + detail;
            }
            return new NodeResult(node.uniqueId(), status, message, null, Map.of(), started, Instant.now(), started, Instant.now(),
                    seconds(startedNanos), thread, compiledSql, compiledPath, node.relationName(),
                    Map.of("successful", windows(succeeded), "failed", windows(failed)));
        } catch (RuntimeException e) {
            rollback(session);
            SlipwayException error = Renderer.translate(e, node.originalFilePath());
            return new NodeResult(node.uniqueId(), NodeStatus.ERROR, errorMessage(node, error, compiledPath), null, Map.of(), started, null,
                    null, Instant.now(), seconds(startedNanos), thread, compiledSql, compiledPath, node.relationName());
        }
    }

    /** Batches as run_results.json's batch_results lists them: [start, end], ISO with the UTC offset, as dbt's. */
    private static List<Object> windows(List<MicrobatchPlan.Batch> batches) {
        return batches.stream().<Object>map(b -> List.of(b.isoStart(), b.isoEnd())).toList();
    }

    private static void rollback(NodeSession session) {
        AdapterConnection connection = session.connection();
        if (connection != null) {
            try {
                connection.rollback();
            } catch (RuntimeException ignored) {
                // the connection may be broken; the error reported is what matters
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private record Outcome(NodeStatus status, String message, Long failures, Map<String, Object> response) {
    }

    private Outcome materialize(Node node, NodeSession session, String sql) {
        return materialize(node, session, sql, null, false, false);
    }

    /**
     * @param laterBatch a microbatch model's batch after the first: never a full refresh, and no pre-hooks
     * @param moreBatches a microbatch model's batch before the last: no post-hooks yet
     */
    private Outcome materialize(Node node, NodeSession session, String sql, MicrobatchPlan.Batch batch, boolean laterBatch,
                                boolean moreBatches) {
        if (node.resourceType() == ResourceType.UNIT_TEST) {
            return unitTest(node, session, sql);
        }
        String materialized = cloning ? "clone" : node.materialized();
        MacroNode macro = context.macros().materialization(materialized, context.adapterTypes());
        if (macro == null) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                    "No materialization '" + materialized + "' was found for adapter " + context.adapterTypes().get(0)
                            + "! (searched materialization_" + materialized + "_" + context.adapterTypes().get(0) + " and materialization_"
                            + materialized + "_default)", node.originalFilePath(), 0);
        }
        RuntimeResolver resolver = compiler.resolver(node, session, batch);
        NodeGlobals globals = compiler.globals(node, session, resolver, sql, batch);
        if (laterBatch) {
            globals.override("should_full_refresh", false);
            globals.locals().put("pre_hooks", List.of());
        }
        if (moreBatches) {
            globals.locals().put("post_hooks", List.of());
        }
        if (node.resourceType() == ResourceType.SEED) {
            globals.locals().put("load_agate_table", (JinjaCallable) (ctx, args) -> loadSeed(node, session));
        }
        Macro bound = globals.bind(macro);
        Renderer.call(bound, List.of(), Map.of(), node.originalFilePath());
        if (session.connection() != null) {
            session.connection().commit();
        }
        if (node.resourceType() == ResourceType.TEST) {
            return testOutcome(node, session);
        }
        Object main = session.results().get("main");
        AdapterResponseValue response = null;
        if (main instanceof Map<?, ?> m && m.get("response") instanceof AdapterResponseValue r) {
            response = r;
        } else if (main instanceof Map<?, ?> m && m.get("response") != null) {
            response = new AdapterResponseValue(Py.str(m.get("response")), null, null);
        }
        if (response == null && cloning && session.lastMainResult() == null) {
            return new Outcome(NodeStatus.SUCCESS, "No-op", null, Map.of());
        }
        if (response == null) {
            QueryResult last = session.lastMainResult();
            response = last == null ? new AdapterResponseValue("OK", null, null) : AdapterResponseValue.of(last);
        }
        return new Outcome(NodeStatus.SUCCESS, response.message(), null, response.toJson());
    }

    /**
     * Runs a unit test through the {@code unit} materialization (the model's result and the expected rows in one
     * query) and compares the two as bags of rows, whatever their order: a difference fails the test with a diff.
     */
    private Outcome unitTest(Node node, NodeSession session, String sql) {
        MacroNode macro = context.macros().materialization("unit", context.adapterTypes());
        if (macro == null) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "No materialization 'unit' was found for adapter "
                    + context.adapterTypes().get(0), node.originalFilePath(), 0);
        }
        io.slipway.core.manifest.UnitTestSpec.Fixture expect = node.unitTest().expect();
        Map<String, Object> config = new java.util.LinkedHashMap<>(node.config().values());
        config.put("materialized", "unit");
        config.put("expected_rows", expect.isSql() ? List.of() : expect.rowMaps());
        config.put("expected_sql", expect.isSql() ? String.valueOf(expect.rows()) : null);
        Node runtime = node.withConfig(new io.slipway.core.manifest.NodeConfig(config));
        NodeGlobals globals = compiler.globals(runtime, session, compiler.resolver(runtime, session), sql);
        Node model = manifest.node(node.dependsOn().nodes().get(0));
        if (model != null) {
            globals.locals().put("tested_node_config", io.slipway.core.project.Frozen.thaw(model.config().values()));
        }
        try {
            Renderer.call(globals.bind(macro), List.of(), Map.of(), node.originalFilePath());
        } catch (RuntimeException e) {
            SlipwayException error = Renderer.translate(e, node.originalFilePath());
            throw new SlipwayException(error.code(), "An error occurred during execution of unit test '" + node.name()
                    + "'. There may be an error in the unit test definition: check the data types.\n " + error.getMessage(),
                    node.originalFilePath(), 0);
        }
        if (session.connection() != null) {
            session.connection().commit();
        }
        Object main = session.results().get("main");
        if (!(main instanceof Map<?, ?> m) || !(m.get("table") instanceof AgateTable table)) {
            throw new SlipwayException(ErrorCode.DATABASE_ERROR, "the unit test query returned no result", node.originalFilePath(), 0);
        }
        Map<String, Object> response = m.get("response") instanceof AdapterResponseValue r ? r.toJson() : Map.of();
        UnitTestDiff diff = UnitTestDiff.of(table);
        if (diff.matches()) {
            return new Outcome(NodeStatus.PASS, null, 0L, response);
        }
        return new Outcome(NodeStatus.FAIL, "\n\nactual differs from expected:\n\n" + diff.render() + "\n", 1L, response);
    }

    /** dbt's test status: fail if should_error (severity error), warn if should_warn, else pass. */
    private Outcome testOutcome(Node node, NodeSession session) {
        Object main = session.results().get("main");
        if (!(main instanceof Map<?, ?> m) || !(m.get("table") instanceof AgateTable table) || table.rows().isEmpty()) {
            throw new SlipwayException(ErrorCode.DATABASE_ERROR, "the test query returned no rows", node.originalFilePath(), 0);
        }
        List<?> row = (List<?>) table.rows().get(0);
        List<String> names = table.columnNames().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        long failures = number(row.get(indexOf(names, "failures", 0)));
        boolean shouldWarn = Py.truthy(row.get(indexOf(names, "should_warn", 1)));
        boolean shouldError = Py.truthy(row.get(indexOf(names, "should_error", 2)));
        String severity = node.config().severity();
        String errorIf = String.valueOf(node.config().get("error_if"));
        String warnIf = String.valueOf(node.config().get("warn_if"));
        String plural = failures == 1 ? "result" : "results";
        Map<String, Object> response = m.get("response") instanceof AdapterResponseValue r ? r.toJson() : Map.of();
        if (severity.equals("ERROR") && shouldError) {
            return new Outcome(NodeStatus.FAIL, "Got " + failures + " " + plural + ", configured to fail if " + errorIf, failures, response);
        }
        if (shouldWarn && Boolean.TRUE.equals(context.flags().get("WARN_ERROR"))) {
            // --warn-error: a test that would warn fails (dbt's TestRunner)
            return new Outcome(NodeStatus.FAIL, "Got " + failures + " " + plural + ", configured to fail if " + warnIf, failures, response);
        }
        if (shouldWarn) {
            return new Outcome(NodeStatus.WARN, "Got " + failures + " " + plural + ", configured to warn if " + warnIf, failures, response);
        }
        return new Outcome(NodeStatus.PASS, null, failures, response);
    }

    private static int indexOf(List<String> names, String name, int fallback) {
        int i = names.indexOf(name);
        return i < 0 ? fallback : i;
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n instanceof BigDecimal d ? d.longValue() : n.longValue();
        }
        if (value == null) {
            return 0;
        }
        return Long.parseLong(value.toString().trim());
    }

    private SeedTable loadSeed(Node node, NodeSession session) {
        Path file = projectDirFor(node).resolve(node.originalFilePath());
        String csv;
        try {
            csv = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "could not read seed " + node.originalFilePath() + ": " + e.getMessage(),
                    node.originalFilePath(), 0);
        }
        Object delimiter = node.config().get("delimiter");
        char d = delimiter == null || delimiter.toString().isEmpty() ? ',' : delimiter.toString().charAt(0);
        Object types = node.config().get("column_types");
        @SuppressWarnings("unchecked")
        Map<String, Object> columnTypes = types instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
        // dbt quotes seed columns unless quote_columns is false
        boolean quote = io.slipway.core.manifest.NodeConfig.truthy(node.config().get("quote_columns"), true);
        return SeedTable.load(csv, node.originalFilePath(), d, columnTypes, quote, session.adapter());
    }

    private Path projectDirFor(Node node) {
        Path dir = packageDirs.get(node.packageName());
        if (dir == null) {
            throw new SlipwayException(ErrorCode.INTERNAL, "no directory known for package " + node.packageName());
        }
        return dir;
    }

    /** dbt's error block: what failed, where, the message, and where the compiled SQL is. */
    static String errorMessage(Node node, SlipwayException error, String compiledPath) {
        String kind = switch (error.code()) {
            case DATABASE_ERROR -> "Database Error";
            case CANCELLED -> "Cancelled";
            case INTERNAL -> "Internal Error";
            default -> "Compilation Error";
        };
        StringBuilder sb = new StringBuilder();
        sb.append(kind).append(" in ").append(node.resourceType().dbtName()).append(' ').append(node.name())
                .append(" (").append(node.originalFilePath()).append(")\n  ");
        sb.append(error.getMessage().replace("\n", "\n  "));
        if (error.line() > 0 && error.code() != ErrorCode.DATABASE_ERROR && !error.getMessage().contains("line " + error.line())) {
            sb.append("\n  at line ").append(error.line());
        }
        if (compiledPath != null) {
            sb.append("\n  compiled code at ").append(compiledPath);
        }
        return sb.toString();
    }
}

package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.SourcesWriter;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.execution.FreshnessCriteria.FreshnessStatus;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.template.AdapterResponseValue;
import io.slipway.core.template.AgateTable;
import io.slipway.core.template.DateTimeValue;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.Macro;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * {@code source freshness}: for each selected source with freshness criteria, the project's (or dbt's)
 * {@code collect_freshness} macro reads the newest {@code loaded_at_field} value and the warehouse's clock;
 * the age decides pass, warn or error. Prints dbt's lines, writes {@code sources.json}, and exits 1 when a
 * source is stale past {@code error_after} or could not be checked.
 */
final class FreshnessTask {
    /** dbt reads a source whose loaded_at column is all null as loaded at the start of year 1. */
    private static final Instant NEVER = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);

    private final ProjectSession session;
    private final ParseResult parsed;
    private final InvocationRequest request;
    private final Reporter reporter;
    private final BooleanSupplier cancelled;
    private final Map<String, AdapterConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, SourcesWriter.Entry> entries = new ConcurrentHashMap<>();

    FreshnessTask(ProjectSession session, ParseResult parsed, InvocationRequest request, Reporter reporter, BooleanSupplier cancelled) {
        this.session = session;
        this.parsed = parsed;
        this.request = request;
        this.reporter = reporter;
        this.cancelled = cancelled;
    }

    /**
     * @param selected the selected unique ids (sources without freshness criteria are left out, as dbt does)
     * @param output   where sources.json goes ({@code --output}), or null for the target directory
     */
    InvocationResult run(Set<String> selected, ArtifactMetadata metadata, Path output) {
        Manifest manifest = parsed.manifest();
        Path file = output != null ? output : session.targetDir().resolve("sources.json");
        Map<String, SourceDefinition> sources = new LinkedHashMap<>();
        for (String id : selected) {
            SourceDefinition s = manifest.sources().get(id);
            if (s != null && FreshnessCriteria.of(s.freshness()).isSet()) {
                sources.put(id, s);
            }
        }
        long started = System.nanoTime();
        reporter.info(RunTask.foundLine(manifest));
        if (sources.isEmpty()) {
            reporter.warn("Nothing to do. Try checking your model configs and model specification args");
            SourcesWriter.write(file, List.of(), 0.0, metadata);
            return new InvocationResult(0, List.of(), session.targetDir(), null);
        }
        int threads = session.threads();
        reporter.info("Concurrency: " + threads + " thread" + (threads == 1 ? "" : "s") + " (target='" + session.profile().targetName() + "')");
        reporter.info("");
        RunTask hooks = new RunTask(session, parsed, request, reporter, cancelled);
        hooks.runHooks("on-run-start", session.project().onRunStart(), manifest);

        Compiler compiler = new Compiler(manifest, session.context(), session.project().projectDir(), session.targetDir(),
                RunTask.graphSupplier(manifest));
        int total = sources.size();
        Map<String, Integer> indexes = new ConcurrentHashMap<>();
        int[] next = {0};
        List<NodeResult> results;
        try {
            results = new Scheduler(Scheduler.subset(sources.keySet(), id -> List.of()), threads).run(new Scheduler.Work() {
                @Override
                public void starting(String id) {
                    indexes.put(id, ++next[0]);
                }

                @Override
                public NodeResult run(String id) {
                    SourceDefinition source = sources.get(id);
                    reporter.emit(EventCode.Q011_NODE_START, Level.INFO, ConsoleLines.line(indexes.get(id), total,
                            "START freshness of " + source.sourceName() + "." + source.name(), "RUN", null), data(source, null));
                    return check(source, compiler);
                }

                @Override
                public NodeResult skip(String id, String cause) {
                    SourceDefinition source = sources.get(id);
                    String message = "Runtime Error in source " + source.name() + " (" + source.originalFilePath()
                            + ")\n  Skipped: the run stopped before this source";
                    entries.put(id, failed(source, message, null, null, Thread.currentThread().getName(), 0));
                    return result(id, FreshnessStatus.RUNTIME_ERROR, message, 0, null, null);
                }

                @Override
                public void finished(NodeResult result) {
                    SourceDefinition source = sources.get(result.uniqueId());
                    Integer index = indexes.computeIfAbsent(result.uniqueId(), k -> ++next[0]);
                    FreshnessStatus status = statusOf(entries.get(result.uniqueId()));
                    Level level = status == FreshnessStatus.PASS ? Level.INFO : status == FreshnessStatus.WARN ? Level.WARN : Level.ERROR;
                    reporter.emit(EventCode.Q012_NODE_FINISHED, level, ConsoleLines.line(index, total,
                            status.word() + " freshness of " + source.sourceName() + "." + source.name(), status.word(), result.executionTime()),
                            data(source, status));
                }
            }, r -> false, cancelled);
        } finally {
            hooks.runHooks("on-run-end", session.project().onRunEnd(), manifest);
            for (AdapterConnection c : connections.values()) {
                c.close();
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<SourcesWriter.Entry> ordered = new ArrayList<>();
        for (NodeResult r : results) {
            ordered.add(entries.get(r.uniqueId()));
        }
        SourcesWriter.write(file, ordered, elapsed, metadata);

        long secondsWhole = (long) elapsed;
        reporter.info("");
        reporter.emit(EventCode.Q030_RUN_FINISHED, Level.INFO, String.format(Locale.ROOT,
                "Finished running %s in %d hours %d minutes and %.2f seconds (%.2fs).", RunTask.plural(total, "source"),
                secondsWhole / 3600, (secondsWhole % 3600) / 60, elapsed - (secondsWhole / 60) * 60, elapsed), Map.of());
        boolean failed = false;
        for (NodeResult r : results) {
            FreshnessStatus status = statusOf(entries.get(r.uniqueId()));
            failed |= status.isFailure();
            // as dbt: a stale source has no message to repeat; a source that could not be checked has its error
            if (status == FreshnessStatus.RUNTIME_ERROR) {
                reporter.info("");
                reporter.emit(EventCode.Q032_FAILURE_DETAIL, Level.ERROR, r.message(), Map.of("unique_id", r.uniqueId()));
            }
        }
        reporter.info("Done.");
        return new InvocationResult(failed || cancelled.getAsBoolean() ? 1 : 0, results, session.targetDir(), null);
    }

    private static FreshnessStatus statusOf(SourcesWriter.Entry entry) {
        for (FreshnessStatus s : FreshnessStatus.values()) {
            if (s.json().equals(entry.status())) {
                return s;
            }
        }
        throw new IllegalStateException("unknown freshness status " + entry.status());
    }

    private static Map<String, Object> data(SourceDefinition source, FreshnessStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unique_id", source.uniqueId());
        data.put("resource_type", "source");
        if (status != null) {
            data.put("status", status.json());
        }
        return data;
    }

    /** Checks one source on this thread's connection. */
    private NodeResult check(SourceDefinition source, Compiler compiler) {
        String thread = Thread.currentThread().getName();
        long t0 = System.nanoTime();
        Instant compileStarted = Instant.now();
        Instant compileCompleted = Instant.now();
        Instant executeStarted = Instant.now();
        FreshnessCriteria criteria = FreshnessCriteria.of(source.freshness());
        RelationValue relation = RelationValue.of(source.database(), source.schema(), source.identifier(), "table");
        try {
            Object loadedAtQuery = source.config().get("loaded_at_query");
            if (source.loadedAtField() == null && loadedAtQuery == null) {
                // neither DuckDB nor PostgreSQL offers dbt's metadata-based freshness (a table's last-modified time)
                throw new UncheckableSource("Could not compute freshness for source " + source.name()
                        + ": no 'loaded_at_field' provided and " + session.adapter().type()
                        + " adapter does not support metadata-based freshness checks.");
            }
            AdapterConnection connection = connections.computeIfAbsent(thread,
                    t -> new ObservedConnection(session.adapter().open(t), reporter.sink()));
            NodeSession nodeSession = new NodeSession(session.adapter(), connection, true);
            Node node = pseudoNode(source);
            NodeGlobals globals = compiler.globals(node, nodeSession, compiler.resolver(node, nodeSession), null);
            String macroName = loadedAtQuery != null ? "collect_freshness_custom_sql" : "collect_freshness";
            if (!(globals.lookup(macroName) instanceof Macro macro)) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "no macro named " + macroName + " was found");
            }
            // the query is a template: it may use this, source() or ref(), as dbt renders it ('filter' does not apply)
            List<Object> arguments = loadedAtQuery != null
                    ? java.util.Arrays.asList(relation, Renderer.render(session.context().jinja().parse(String.valueOf(loadedAtQuery),
                            source.originalFilePath()), globals, source.originalFilePath()))
                    : java.util.Arrays.asList(relation, source.loadedAtField(), criteria.filter());
            Object returned = Renderer.call(macro, arguments, Map.of(), source.originalFilePath());
            connection.commit();
            AgateTable table;
            Map<String, Object> response = Map.of();
            if (returned instanceof Map<?, ?> m && m.get("table") instanceof AgateTable t) {
                table = t;
                if (m.get("response") instanceof AdapterResponseValue r) {
                    response = r.toJson();
                }
            } else if (returned instanceof AgateTable t) {
                table = t;
                reporter.warn("[WARNING]: The 'collect_freshness' macro signature has changed to return the full query result, "
                        + "rather than just a table of values. See the v1.5 migration guide for details on how to update your custom macro: "
                        + "https://docs.getdbt.com/guides/migration/versions/upgrading-to-v1.5");
            } else {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Got an invalid result from \"" + macroName + "\" macro: " + returned);
            }
            if (table.rows().size() != 1 || table.columnNames().size() != 2) {
                throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Got an invalid result from \"" + macroName + "\" macro: "
                        + table.rows() + " (expected one row of max_loaded_at and snapshotted_at)");
            }
            List<?> row = (List<?>) table.rows().get(0);
            Object loaded = row.get(0);
            Instant maxLoadedAt = loaded == null ? NEVER : utc(loaded, "max_loaded_at", relation);
            if (row.get(1) == null) {
                throw new SlipwayException(ErrorCode.DATABASE_ERROR, "Expected a non-null value when querying field 'snapshotted_at' of table "
                        + relation.render() + " but received value 'null' instead");
            }
            Instant snapshottedAt = utc(row.get(1), "snapshotted_at", relation);
            double age = (snapshottedAt.getEpochSecond() - maxLoadedAt.getEpochSecond())
                    + (snapshottedAt.getNano() - maxLoadedAt.getNano()) / 1e9;
            FreshnessStatus status = criteria.status(age);
            double seconds = (System.nanoTime() - t0) / 1e9;
            entries.put(source.uniqueId(), new SourcesWriter.Entry(source.uniqueId(), status.json(), null, maxLoadedAt, snapshottedAt, age,
                    source.freshness(), response, compileStarted, compileCompleted, executeStarted, Instant.now(), thread, seconds));
            return result(source.uniqueId(), status, null, seconds, response, thread);
        } catch (RuntimeException e) {
            // dbt's error kinds: a source it cannot check at all is a runtime error; the warehouse's and the
            // values' problems are database errors; a macro that returns the wrong shape is a compilation error
            String kind;
            String detail;
            if (e instanceof UncheckableSource) {
                kind = "Runtime Error";
                detail = e.getMessage();
            } else {
                SlipwayException error = Renderer.translate(e, source.originalFilePath());
                kind = switch (error.code()) {
                    case DATABASE_ERROR -> "Database Error";
                    case COMPILATION_ERROR -> "Compilation Error";
                    default -> "Runtime Error";
                };
                detail = error.getMessage();
            }
            String message = kind + " in source " + source.name() + " (" + source.originalFilePath() + ")\n  "
                    + detail.replace("\n", "\n  ");
            double seconds = (System.nanoTime() - t0) / 1e9;
            entries.put(source.uniqueId(), failed(source, message, compileStarted, executeStarted, thread, seconds));
            return result(source.uniqueId(), FreshnessStatus.RUNTIME_ERROR, message, seconds, null, thread);
        }
    }

    private static SourcesWriter.Entry failed(SourceDefinition source, String message, Instant compileStarted, Instant executeStarted,
                                              String thread, double seconds) {
        return new SourcesWriter.Entry(source.uniqueId(), FreshnessStatus.RUNTIME_ERROR.json(), message, null, null, 0,
                source.freshness(), Map.of(), compileStarted, compileStarted, executeStarted, Instant.now(), thread, seconds);
    }

    private static NodeResult result(String id, FreshnessStatus status, String message, double seconds, Map<String, Object> response,
                                     String thread) {
        NodeStatus nodeStatus = switch (status) {
            case PASS -> NodeStatus.PASS;
            case WARN -> NodeStatus.WARN;
            case ERROR -> NodeStatus.FAIL;
            case RUNTIME_ERROR -> NodeStatus.ERROR;
        };
        return new NodeResult(id, nodeStatus, message, null, response == null ? Map.of() : response, null, null, null, null, seconds,
                thread == null ? "MainThread" : thread, null, null, null);
    }

    /**
     * dbt's reading of a timestamp: an aware value is converted to UTC, a naive one is taken as UTC, anything
     * else (a date, a string) is an error naming the field and the source.
     */
    static Instant utc(Object value, String field, RelationValue relation) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof DateTimeValue d && !d.dateOnly()) {
            return d.dateTime().toInstant();
        }
        String type = value instanceof LocalDate || value instanceof DateTimeValue ? "date"
                : value instanceof String ? "str"
                : value instanceof Long || value instanceof Integer ? "int"
                : value instanceof BigDecimal ? "Decimal"
                : value instanceof Double ? "float"
                : value instanceof Boolean ? "bool" : value.getClass().getSimpleName();
        throw new SlipwayException(ErrorCode.DATABASE_ERROR, "Expected a timestamp value when querying field '" + field + "' of table "
                + relation.render() + " but received value of type '" + type + "' instead");
    }

    /** dbt's DbtRuntimeError for a source that cannot be checked at all. */
    private static final class UncheckableSource extends RuntimeException {
        UncheckableSource(String message) {
            super(message);
        }
    }

    /** A node standing for the source while its freshness macro renders (macros resolve from the source's package). */
    private static Node pseudoNode(SourceDefinition s) {
        return new Node(s.uniqueId(), ResourceType.SOURCE, s.packageName(), s.name(), s.path(), s.originalFilePath(), null, s.fqn(),
                FileChecksum.none(), new NodeConfig(s.config()), Map.of(), Map.of(), s.database(), s.schema(), s.identifier(),
                s.relationName(), s.description(), Map.of(), "", "sql", List.of(), List.of(), DependsOn.NONE, null, null, null);
    }
}

package io.slipway.core.execution;

import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.ManifestWriter;
import io.slipway.core.deps.DepsOptions;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.selection.IndirectSelection;
import io.slipway.core.selection.MethodName;
import io.slipway.core.selection.NodeSelector;
import io.slipway.core.selection.SelectionResult;
import io.slipway.core.selection.SelectionSpec;
import io.slipway.core.selection.YamlSelectors;
import io.slipway.core.state.PreviousState;
import io.slipway.core.state.ResultMethod;
import io.slipway.core.state.StateComparison;
import io.slipway.core.state.StateMethod;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One run of one command: load the project, parse, select, execute, write artifacts. An object the CLI
 * and the server both drive: {@link #run()} on any thread, {@link #cancel()} from another (which also
 * cancels the warehouse statements in flight), events through the sink given at construction. No global
 * state: many invocations may run in one process at once.
 */
public final class Invocation {
    private final String id = UUID.randomUUID().toString();
    private final InvocationRequest request;
    private final InvocationEnvironment environment;
    private final Reporter reporter;
    private final DepsOptions depsOptions;
    private final CommandFlags flags;
    private volatile boolean cancelled;
    private volatile RunTask running;

    public Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events) {
        this(request, environment, events, DepsOptions.defaults());
    }

    /** An invocation of {@code deps} with its own flags ({@code --upgrade}, {@code --add-package}, ...). */
    public Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events, DepsOptions depsOptions) {
        this(request, environment, events, depsOptions, CommandFlags.defaults());
    }

    /** An invocation of a command with flags of its own ({@code source freshness --output}, {@code docs generate --no-compile}). */
    public Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events, CommandFlags flags) {
        this(request, environment, events, DepsOptions.defaults(), flags);
    }

    private Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events, DepsOptions depsOptions,
                       CommandFlags flags) {
        this.request = request;
        this.environment = environment;
        this.reporter = new Reporter(events);
        this.depsOptions = depsOptions;
        this.flags = flags;
    }

    public String id() {
        return id;
    }

    public InvocationRequest request() {
        return request;
    }

    /** Asks the invocation to stop: nothing new starts and running statements are cancelled. */
    public void cancel() {
        cancelled = true;
        RunTask task = running;
        if (task != null) {
            task.cancelRunning();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the command to completion; never throws for user errors (they become exit code 2 and an error event). */
    public InvocationResult run() {
        Path targetDir = null;
        Thread storing = null;
        try {
            if (request.command() == Command.CLEAN) {
                return CleanTask.run(request, environment, reporter);
            }
            if (request.command() == Command.DEPS) {
                return DepsTask.run(request, environment, reporter, depsOptions);
            }
            if (request.command() == Command.DEBUG) {
                return DebugTask.run(request, environment, reporter, id);
            }
            InvocationRequest effective = request;
            Set<String> retrying = null;
            if (request.command() == Command.RETRY) {
                RetryPlan plan = RetryPlan.load(request, environment.workingDir());
                reporter.info("Retrying " + RunTask.plural(plan.uniqueIds().size(), "node") + " of the previous '"
                        + plan.request().command().cliName() + "' (" + plan.source() + ")");
                effective = plan.request();
                retrying = plan.uniqueIds();
            }
            PreviousState state = effective.state() == null ? null : new PreviousState(effective.state(), "--state");
            PreviousState deferState = effective.deferState() == null ? null : new PreviousState(effective.deferState(), "--defer-state");
            try (ProjectSession session = ProjectSession.open(effective, environment.jinja(), environment.env(), environment.workingDir(),
                    environment.homeDir(), reporter.sink(), id)) {
                targetDir = session.targetDir();
                ArtifactMetadata metadata = new ArtifactMetadata(id, ZonedDateTime.now(ZoneOffset.UTC), Map.of());
                boolean partial = effective.partialParse();
                PartialParse.Inputs inputs = PartialParse.inputs(session, effective);
                if (partial && effective.command() == Command.PARSE && PartialParse.unchanged(targetDir, inputs, environment.env())) {
                    reporter.info("Nothing changed since the last parse (" + inputs.files().size() + " files): "
                            + session.project().projectDir().relativize(targetDir.resolve("manifest.json")) + " is current");
                    return new InvocationResult(0, List.of(), targetDir, null);
                }
                PartialParse.forget(targetDir);
                PartialParse.Lookup lookup = partial ? PartialParse.load(targetDir, inputs, environment.env()) : null;
                PartialParse.Cached cached = lookup == null ? null : lookup.cached();
                if (lookup != null && lookup.reason() != null) {
                    reporter.info("Unable to do partial parsing because " + lookup.reason());
                }
                ParseResult parsed = null;
                Map<String, String> envRead = null;
                if (cached != null && cached.edited().isEmpty()) {
                    parsed = session.restore(cached.snapshot());
                    envRead = cached.envRead();
                    reporter.emit(EventCode.Z003_MESSAGE, Level.DEBUG, "Partial parsing: nothing changed; reusing the parse of "
                            + parsed.manifest().nodes().size() + " nodes", Map.of());
                    if (cached.touched()) {
                        // the same parse under the files' new times: the next invocation need not compare checksums
                        storing = PartialParse.storeInBackground(targetDir, inputs, envRead, parsed, lookup.checksums());
                    }
                } else if (cached != null) {
                    parsed = session.restore(cached.snapshot(), cached.edited());
                    if (parsed != null) {
                        Map<String, String> read = new java.util.TreeMap<>(cached.envRead());
                        read.putAll(PartialParse.envValues(session.context().envVarsRead(), environment.env()));
                        envRead = read;
                        reporter.emit(EventCode.Z003_MESSAGE, Level.DEBUG, "Partial parsing: parsed again " + String.join(", ", cached.edited())
                                + "; reusing the rest of the parse of " + parsed.manifest().nodes().size() + " nodes", Map.of());
                        storing = PartialParse.storeInBackground(targetDir, inputs, envRead, parsed, lookup.checksums());
                    }
                }
                if (parsed == null) {
                    parsed = session.parse();
                    envRead = PartialParse.envValues(session.context().envVarsRead(), environment.env());
                    // kept while the command goes on: it costs a tenth of the parse, and nothing here reads it
                    storing = PartialParse.storeInBackground(targetDir, inputs, envRead, parsed,
                            lookup != null ? lookup.checksums() : PartialParse.Checksums.NONE);
                }
                // the state may be this target directory: read it before this run's manifest replaces it
                for (PreviousState previous : java.util.Arrays.asList(state, deferState)) {
                    if (previous != null) {
                        previous.preload();
                    }
                }
                if (!effective.command().executesNodes() && effective.command() != Command.COMPILE && effective.writeJson()) {
                    // commands that run nodes write the manifest once, with compiled code, when they finish
                    ManifestWriter.write(targetDir.resolve("manifest.json"), parsed.manifest(), parsed.disabled(), metadata, Map.of());
                }
                if (effective.command() == Command.PARSE) {
                    if (effective.writeJson()) {
                        PartialParse.save(targetDir, inputs, envRead);
                    }
                    return new InvocationResult(0, List.of(), targetDir, null);
                }
                if (effective.command() == Command.SHOW || (effective.command() == Command.COMPILE && effective.inlineSql() != null)) {
                    return ShowTask.run(effective, session, parsed, reporter, deferral(effective, state, deferState, parsed, Set.of()));
                }
                if (effective.command() == Command.RUN_OPERATION) {
                    return RunOperationTask.run(effective, session, parsed, reporter, metadata);
                }
                Set<String> ids = retrying != null ? retrying : selectIds(effective, parsed, state, targetDir);
                if (effective.command() == Command.SOURCE_FRESHNESS) {
                    return new FreshnessTask(session, parsed, effective, reporter, () -> cancelled).run(ids, metadata, flags.outputPath());
                }
                if (effective.command() == Command.DOCS_GENERATE) {
                    return new DocsTask(session, parsed, reporter).run(flags.compile() ? ids : null, flags.emptyCatalog(), metadata,
                            deferral(effective, state, deferState, parsed, ids));
                }
                Set<ResourceType> types = typesFor(effective);
                if (effective.command() == Command.LIST) {
                    StateComparison comparison = state == null || !state.hasManifest() ? null
                            : new StateComparison(parsed.manifest(), state.manifest());
                    return ListTask.run(effective, parsed, ids, types, reporter, targetDir, comparison);
                }
                List<Node> selected = nodesOf(parsed, ids, types);
                Deferral deferral = deferral(effective, state, deferState, parsed, ids);
                if (effective.command() == Command.COMPILE) {
                    return ShowTask.compile(effective, session, parsed, selected, reporter, metadata, deferral);
                }
                RunTask task = new RunTask(session, parsed, effective, reporter, () -> cancelled, deferral);
                running = task;
                if (cancelled) {
                    task.cancelRunning();
                }
                List<NodeResult> results = task.execute(selected, metadata);
                boolean failed = results.stream().anyMatch(r -> r.status().isFailure());
                return new InvocationResult(failed || cancelled ? 1 : 0, results, targetDir, null);
            }
        } catch (SlipwayException e) {
            reporter.error(e.describe());
            return new InvocationResult(e.code().kind() == ErrorCode.Kind.RUNTIME ? 1 : 2, List.of(), targetDir, e);
        } catch (io.slipway.adapter.AdapterException e) {
            reporter.error("Database Error: " + e.getMessage());
            return new InvocationResult(1, List.of(), targetDir, e);
        } catch (RuntimeException e) {
            reporter.error("Unexpected error: " + e);
            return new InvocationResult(2, List.of(), targetDir, e);
        } finally {
            running = null;
            PartialParse.await(storing);
        }
    }

    /**
     * What ref() defers to: nothing without {@code --defer}; the {@code --defer-state} (else {@code --state})
     * manifest with it; {@code clone} always reads {@code --state}'s relations.
     */
    private static Deferral deferral(InvocationRequest request, PreviousState state, PreviousState deferState, ParseResult parsed,
                                     Set<String> selected) {
        if (request.command() == Command.CLONE) {
            if (state == null) {
                throw new SlipwayException(ErrorCode.USAGE, "clone copies the relations of a previous run: pass --state with that "
                        + "run's target directory (or set DBT_STATE)");
            }
            return Deferral.of(parsed.manifest(), state.manifest(), selected, request.favorState(), request.defer());
        }
        if (!request.defer()) {
            return Deferral.NONE;
        }
        PreviousState deferTo = deferState != null ? deferState : state;
        if (deferTo == null) {
            throw new SlipwayException(ErrorCode.USAGE, "--defer needs the state to defer to: pass --state or --defer-state with a "
                    + "previous run's target directory (or set DBT_STATE / DBT_DEFER_STATE)");
        }
        return Deferral.of(parsed.manifest(), deferTo.manifest(), selected, request.favorState(), true);
    }

    private Set<String> selectIds(InvocationRequest request, ParseResult parsed, PreviousState state, Path targetDir) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        NodeSelector selector = NodeSelector.builder(parsed.manifest())
                .selectors(YamlSelectors.load(projectDir))
                .projectDir(projectDir)
                .includeEmptyNodes(request.command() == Command.LIST)
                .method(MethodName.STATE, new StateMethod(state))
                .method(MethodName.RESULT, new ResultMethod(state))
                .method(MethodName.SOURCE_STATUS, new io.slipway.core.state.SourceStatusMethod(state, targetDir))
                .build();
        SelectionResult result = selector.evaluate(new SelectionSpec(request.select(), request.exclude(), request.selector(),
                IndirectSelection.parse(request.indirectSelection())));
        result.warnings().forEach(reporter::warn);
        return result.selected();
    }

    /** The command's resource types, or those of --resource-type. */
    private static Set<ResourceType> typesFor(InvocationRequest request) {
        Set<ResourceType> types = RunTask.typesOf(request.command());
        if (!request.resourceTypes().isEmpty()) {
            Set<ResourceType> filtered = new java.util.HashSet<>();
            for (String t : request.resourceTypes()) {
                try {
                    filtered.add(ResourceType.fromDbtName(t));
                } catch (IllegalArgumentException e) {
                    throw new SlipwayException(ErrorCode.USAGE, "unknown --resource-type '" + t + "'");
                }
            }
            types = filtered;
        }
        return types;
    }

    /** The selected nodes of the given types, in selection order. */
    private static List<Node> nodesOf(ParseResult parsed, Set<String> ids, Set<ResourceType> types) {
        List<Node> out = new ArrayList<>();
        for (String id : ids) {
            Node n = parsed.manifest().node(id);
            if (n != null && types.contains(n.resourceType())) {
                out.add(n);
            }
        }
        return out;
    }

    /** The invocation's arguments as run_results.json records them. */
    static Map<String, Object> argsOf(InvocationRequest request) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("which", request.command().cliName());
        args.put("project_dir", request.projectDir().toString());
        args.put("select", request.select());
        args.put("exclude", request.exclude());
        args.put("target", request.target());
        args.put("threads", request.threads());
        args.put("vars", request.vars());
        args.put("full_refresh", request.fullRefresh());
        if (request.storeFailures()) {
            args.put("store_failures", true);
        }
        if (request.empty()) {
            args.put("empty", true);
        }
        if (request.profile() != null) {
            args.put("profile", request.profile());
        }
        if (request.warnError()) {
            args.put("warn_error", true);
        }
        if (request.eventTimeStart() != null) {
            args.put("event_time_start", request.eventTimeStart());
        }
        if (request.eventTimeEnd() != null) {
            args.put("event_time_end", request.eventTimeEnd());
        }
        if (!request.writeJson()) {
            args.put("write_json", false);
        }
        args.put("fail_fast", request.failFast());
        args.put("selector", request.selector());
        args.put("indirect_selection", request.indirectSelection());
        args.put("resource_types", request.resourceTypes());
        args.put("profiles_dir", request.profilesDir() == null ? null : request.profilesDir().toString());
        args.put("target_path", request.targetPath());
        args.put("state", request.state() == null ? null : request.state().toString());
        args.put("defer", request.defer());
        args.put("defer_state", request.deferState() == null ? null : request.deferState().toString());
        args.put("favor_state", request.favorState());
        return args;
    }
}

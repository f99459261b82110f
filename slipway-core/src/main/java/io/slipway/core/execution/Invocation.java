package io.slipway.core.execution;

import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.ManifestWriter;
import io.slipway.core.deps.DepsOptions;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventSink;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.selection.IndirectSelection;
import io.slipway.core.selection.NodeSelector;
import io.slipway.core.selection.SelectionResult;
import io.slipway.core.selection.SelectionSpec;
import io.slipway.core.selection.YamlSelectors;

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
    private volatile boolean cancelled;
    private volatile RunTask running;

    public Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events) {
        this(request, environment, events, DepsOptions.defaults());
    }

    /** An invocation of {@code deps} with its own flags ({@code --upgrade}, {@code --add-package}, ...). */
    public Invocation(InvocationRequest request, InvocationEnvironment environment, EventSink events, DepsOptions depsOptions) {
        this.request = request;
        this.environment = environment;
        this.reporter = new Reporter(events);
        this.depsOptions = depsOptions;
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
            try (ProjectSession session = ProjectSession.open(request, environment.jinja(), environment.env(), environment.workingDir(),
                    environment.homeDir(), reporter.sink(), id)) {
                targetDir = session.targetDir();
                ArtifactMetadata metadata = new ArtifactMetadata(id, ZonedDateTime.now(ZoneOffset.UTC), Map.of());
                ParseResult parsed = session.parse();
                if (!request.command().executesNodes() && request.command() != Command.COMPILE) {
                    // commands that run nodes write the manifest once, with compiled code, when they finish
                    ManifestWriter.write(targetDir.resolve("manifest.json"), parsed.manifest(), parsed.disabled(), metadata, Map.of());
                }
                if (request.command() == Command.PARSE) {
                    return new InvocationResult(0, List.of(), targetDir, null);
                }
                if (request.command() == Command.SHOW || (request.command() == Command.COMPILE && request.inlineSql() != null)) {
                    return ShowTask.run(request, session, parsed, reporter);
                }
                Set<String> ids = selectIds(parsed);
                Set<ResourceType> types = typesFor(request);
                if (request.command() == Command.LIST) {
                    return ListTask.run(request, parsed, ids, types, reporter, targetDir);
                }
                List<Node> selected = nodesOf(parsed, ids, types);
                if (request.command() == Command.COMPILE) {
                    return ShowTask.compile(request, session, parsed, selected, reporter, metadata);
                }
                RunTask task = new RunTask(session, parsed, request, reporter, () -> cancelled);
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
        }
    }

    private Set<String> selectIds(ParseResult parsed) {
        Path projectDir = request.projectDir().toAbsolutePath().normalize();
        NodeSelector selector = NodeSelector.builder(parsed.manifest())
                .selectors(YamlSelectors.load(projectDir))
                .projectDir(projectDir)
                .includeEmptyNodes(request.command() == Command.LIST)
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
        args.put("fail_fast", request.failFast());
        return args;
    }
}

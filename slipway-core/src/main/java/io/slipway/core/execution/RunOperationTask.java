package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.artifacts.ArtifactMetadata;
import io.slipway.core.artifacts.RunResultsWriter;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.template.MacroIndex;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.Renderer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code run-operation}: calls one macro with {@code --args} as keyword arguments, with {@code execute} true and
 * refs resolved to real relations, on a connection of its own that is committed afterwards, as dbt does. What
 * the macro renders is discarded (it acts through {@code run_query}, {@code statement} or {@code log}). An error
 * is reported as dbt's "Encountered an error while running operation: ..." and exits 1; run_results.json holds
 * one result for the macro either way.
 */
final class RunOperationTask {
    private RunOperationTask() {
    }

    static InvocationResult run(InvocationRequest request, ProjectSession session, ParseResult parsed, Reporter reporter, ArtifactMetadata metadata) {
        InvocationRequest.Operation operation = request.operation();
        String full = operation.macro();
        int dot = full.lastIndexOf('.');
        String packageName = dot < 0 ? null : full.substring(0, dot);
        String name = dot < 0 ? full : full.substring(dot + 1);
        MacroIndex macros = session.context().macros();
        MacroNode macro = packageName == null ? macros.resolve(name, session.project().name()) : macros.inPackage(packageName, name);
        String uniqueId = macro != null ? macro.uniqueId() : "macro." + (packageName == null ? session.project().name() : packageName) + "." + name;

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String error = null;
        try {
            if (macro == null) {
                throw new SlipwayException(ErrorCode.USAGE, "dbt could not find a macro with the name '" + name + "' in "
                        + (packageName == null ? "any package" : "package '" + packageName + "'"));
            }
            call(session, parsed.manifest(), macro, operation.args(), reporter);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            reporter.error("Encountered an error while running operation: " + error);
        }
        Instant completed = Instant.now();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        NodeResult result = new NodeResult(uniqueId, error == null ? NodeStatus.SUCCESS : NodeStatus.ERROR, error, null, Map.of(),
                started, started, started, completed, elapsed, "main", null, null, null);
        if (request.writeJson()) {
            RunResultsWriter.write(session.targetDir().resolve("run_results.json"), List.of(result.toEntry()), elapsed, metadata,
                    Invocation.argsOf(request));
        }
        return new InvocationResult(error == null ? 0 : 1, List.of(result), session.targetDir(), null);
    }

    private static void call(ProjectSession session, Manifest manifest, MacroNode macro, Map<String, Object> args, Reporter reporter) {
        Compiler compiler = new Compiler(manifest, session.context(), session.project().projectDir(), session.targetDir(),
                RunTask.graphSupplier(manifest));
        try (AdapterConnection connection = new ObservedConnection(session.adapter().open("macro_" + macro.name()), reporter.sink())) {
            NodeSession nodeSession = new NodeSession(session.adapter(), connection, true);
            Node operation = operationNode(session, macro);
            NodeGlobals globals = compiler.globals(operation, nodeSession, compiler.resolver(operation, nodeSession), null);
            Renderer.call(globals.bind(macro), List.of(), args, macro.originalFilePath());
            connection.commit();
        }
    }

    /** The node an operation renders as: dbt's {@code operation} resource in the root project. */
    private static Node operationNode(ProjectSession session, MacroNode macro) {
        String project = session.project().name();
        String name = "run-operation";
        return new Node("operation." + project + "." + name, ResourceType.OPERATION, project, name, macro.path(), macro.originalFilePath(),
                null, List.of(project, name), FileChecksum.none(), new NodeConfig(Map.of()), Map.of(), Map.of(), null, null, name, null, "",
                Map.of(), "", "sql", List.of(), List.of(), DependsOn.NONE, null, null, null);
    }
}

package io.slipway.cli;

import io.slipway.adapter.Adapter;
import io.slipway.core.event.EventSink;
import io.slipway.core.execution.Command;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.InvocationRequest;
import io.slipway.core.execution.ProjectSession;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.selection.IndirectSelection;
import io.slipway.core.selection.MethodName;
import io.slipway.core.selection.NodeSelector;
import io.slipway.core.selection.SelectionSpec;
import io.slipway.core.selection.YamlSelectors;
import io.slipway.core.state.PreviousState;
import io.slipway.core.state.StateManifest;
import io.slipway.core.state.StateMethod;
import io.slipway.core.state.StateNode;
import io.slipway.diff.DataDiff;
import io.slipway.diff.DiffException;
import io.slipway.diff.DiffOptions;
import io.slipway.diff.DiffTarget;
import io.slipway.diff.RelationName;
import io.slipway.diff.report.DiffReport;
import io.slipway.diff.report.TableDiff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code slipway diff --select ... --state DIR}: each selected model's relation in the current target
 * against its production relation, named by the state's manifest. The key comes from {@link ModelKeys};
 * a model's {@code meta: {datafold: {datadiff: {include_columns, exclude_columns, filter}}}} narrow its diff
 * unless the command line says otherwise. A model with no key gets its schema and row counts compared,
 * a new model (not in the state) or one that cannot be diffed an entry with the reason.
 *
 * @param prodAdapter where the production relations are (a {@code --prod-target}), or null for the current target's warehouse
 */
record ModelDiffs(InvocationEnvironment environment, Path projectDir, Path profilesDir, String target, List<String> select,
                  List<String> exclude, Path state, Function<ProjectSession, Adapter> prodAdapter) {

    DiffReport run(DiffOptions options) {
        InvocationRequest request = InvocationRequest.builder(Command.LIST, projectDir).profilesDir(profilesDir).target(target)
                .select(select).exclude(exclude).state(state).build();
        try (ProjectSession session = ProjectSession.open(request, environment.jinja(), environment.env(), environment.workingDir(),
                environment.homeDir(), EventSink.discard(), "diff")) {
            ParseResult parsed = session.parse();
            Manifest manifest = parsed.manifest();
            PreviousState previous = new PreviousState(state, "--state");
            StateManifest production = previous.manifest();
            NodeSelector selector = NodeSelector.builder(manifest).selectors(YamlSelectors.load(projectDir)).projectDir(projectDir)
                    .method(MethodName.STATE, new StateMethod(previous)).build();
            List<String> spec = select.isEmpty() ? List.of("state:modified") : select;
            TreeSet<String> ids = new TreeSet<>(selector.evaluate(new SelectionSpec(spec, exclude, null, IndirectSelection.EAGER)).selected());
            Adapter current = session.adapter();
            Adapter prod = prodAdapter.apply(session);
            List<TableDiff> diffs = new ArrayList<>();
            for (String id : ids) {
                Node model = manifest.node(id);
                if (model == null || model.resourceType() != ResourceType.MODEL || model.isEphemeral()) {
                    continue;
                }
                diffs.add(diff(model, production.node(id), manifest, options, prod, current));
            }
            return new DiffReport(diffs);
        }
    }

    private static TableDiff diff(Node model, StateNode prodNode, Manifest manifest, DiffOptions options, Adapter prod, Adapter current) {
        RelationName right = new RelationName(model.database(), model.schema(), model.alias());
        if (prodNode == null) {
            return new TableDiff(model.uniqueId(), "-", right.toString(), List.of(), null, List.of(), List.of(), null, "none", true,
                    List.of("new model: it is not in the --state manifest, so there is nothing to compare it with"), null);
        }
        RelationName left = new RelationName(prodNode.database(), prodNode.schema(), prodNode.alias());
        ModelKeys keys = ModelKeys.of(model, manifest);
        DiffOptions modelOptions = withModelConfig(options, keys.columns(), model.meta());
        try {
            DataDiff diff = new DataDiff(modelOptions);
            DiffTarget l = new DiffTarget(prod, left);
            DiffTarget r = new DiffTarget(current, right);
            if (keys.columns().isEmpty()) {
                return diff.schemaOnly(l, r, ModelKeys.howToDeclare(model)).withModel(model.uniqueId(), null);
            }
            return diff.compare(l, r).withModel(model.uniqueId(), "key " + String.join(", ", keys.columns()) + " from the " + keys.source());
        } catch (DiffException e) {
            String where = keys.columns().isEmpty() ? "" : " (key " + String.join(", ", keys.columns()) + " from the " + keys.source() + ")";
            return failed(model.uniqueId(), left.toString(), right.toString(), e.code() + ": " + e.getMessage() + where);
        }
    }

    private static TableDiff failed(String model, String left, String right, String error) {
        return new TableDiff(model, left, right, List.of(), null, List.of(), List.of(), null, "none", true, List.of(), error);
    }

    /** Datafold's per-model settings, where the command line did not set them. */
    private static DiffOptions withModelConfig(DiffOptions options, List<String> key, Map<String, Object> meta) {
        DiffOptions.Builder b = options.toBuilder(key);
        if (meta.get("datafold") instanceof Map<?, ?> datafold && datafold.get("datadiff") instanceof Map<?, ?> datadiff) {
            if (options.columns().isEmpty() && datadiff.get("include_columns") instanceof List<?> include) {
                b.columns(include.stream().map(String::valueOf).toList());
            }
            if (options.excludeColumns().isEmpty() && datadiff.get("exclude_columns") instanceof List<?> excluded) {
                b.excludeColumns(excluded.stream().map(String::valueOf).toList());
            }
            if (options.where() == null && datadiff.get("filter") != null) {
                b.where(datadiff.get("filter").toString());
            }
        }
        return b.build();
    }
}

package io.slipway.core.execution;

import io.slipway.adapter.AdapterConnection;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.state.StateManifest;
import io.slipway.core.state.StateNode;
import io.slipway.core.template.RelationValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --defer}: which relation {@code ref()} returns for a node that has a counterpart in the state manifest.
 * dbt's rule ({@code Manifest.merge_from_artifact} and {@code RuntimeRefResolver.create_relation}): a node that is
 * refable and not ephemeral in the state manifest and also in the current one resolves to the state's relation
 * when {@code --favor-state} is on and the node is not selected, or when the node's relation does not exist in the
 * current target. Sources are never deferred. Thread-safe.
 */
final class Deferral {
    static final Deferral NONE = new Deferral(Map.of(), Set.of(), false, false);

    private final Map<String, StateNode> stateNodes;
    private final Set<String> selected;
    private final boolean favorState;
    private final boolean refsDefer;
    /** Relations found to exist in the current target: they stay (dbt's relation cache only grows during a run). */
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    private Deferral(Map<String, StateNode> stateNodes, Set<String> selected, boolean favorState, boolean refsDefer) {
        this.stateNodes = stateNodes;
        this.selected = selected;
        this.favorState = favorState;
        this.refsDefer = refsDefer;
    }

    /**
     * @param refsDefer whether {@code ref()} defers ({@code --defer}); {@code clone} reads the state relations without it
     * @param selected  the selected nodes (dbt's {@code SELECTED_RESOURCES})
     */
    static Deferral of(Manifest current, StateManifest state, Set<String> selected, boolean favorState, boolean refsDefer) {
        Map<String, StateNode> nodes = new LinkedHashMap<>();
        for (StateNode node : state.nodes().values()) {
            if (node.isRefable() && !node.isEphemeral() && current.nodes().containsKey(node.uniqueId())) {
                nodes.put(node.uniqueId(), node);
            }
        }
        return new Deferral(Map.copyOf(nodes), Set.copyOf(selected), favorState, refsDefer);
    }

    /** The state's relation for a node ({@code defer_relation}), or null when it has none. */
    RelationValue stateRelation(Node node) {
        StateNode old = stateNodes.get(node.uniqueId());
        if (old == null) {
            return null;
        }
        String type = switch (old.materialized()) {
            case "view" -> "view";
            case "materialized_view" -> "materialized_view";
            default -> "table";
        };
        return RelationValue.of(old.database(), old.schema(), old.alias(), type);
    }

    /**
     * The relation {@code ref()} returns for a non-ephemeral target: the state's when deferral applies, else null
     * (the current target's). {@code connection} checks existence; without one the relation counts as missing.
     */
    RelationValue resolve(Node target, AdapterConnection connection) {
        if (!refsDefer) {
            return null;
        }
        RelationValue deferred = stateRelation(target);
        if (deferred == null) {
            return null;
        }
        if (favorState && !selected.contains(target.uniqueId())) {
            return deferred;
        }
        return existsHere(target, connection) ? null : deferred;
    }

    private boolean existsHere(Node target, AdapterConnection connection) {
        String key = target.database() + "\u0000" + target.schema() + "\u0000" + target.alias();
        if (existing.contains(key)) {
            return true;
        }
        if (connection == null || !connection.getRelation(target.database(), target.schema(), target.alias()).isPresent()) {
            return false;
        }
        existing.add(key);
        return true;
    }
}

package io.slipway.core.state;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.PyValues;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the current manifest with a previous one by dbt-core's rules ({@code same_*} in
 * {@code contracts/graph/nodes.py}, {@code StateSelectorMethod} in {@code graph/selector_methods.py}).
 *
 * <p>Configs compare unrendered, key by key, as dbt 1.10 does by default (behaviour flag
 * {@code state_modified_compare_more_unrendered_values} false; dbt 1.12 turns it on): configs set in
 * {@code dbt_project.yml} are kept as written, so a {@code +materialized} that depends on {@code target} is not a
 * change; a node's own {@code config()} call and properties files count with their rendered values, so a
 * {@code config()} whose value depends on the target, an env var or {@code --vars} is a change when that value
 * changes (the false positive dbt documents). Body changes are raw-code changes: a {@code --vars} change that only
 * alters how the body renders is not one.
 *
 * <p>Thread-safe once built; the set of modified macros is computed on first use.
 */
public final class StateComparison {
    /** Node config keys dbt leaves out of config comparison ({@code CompareBehavior.Exclude}): relation parts, tags, group. */
    private static final Set<String> EXCLUDED_KEYS = Set.of("alias", "schema", "database", "tags", "group");
    /** The only config keys compared for tests ({@code TestConfig.same_contents}). */
    private static final List<String> TEST_KEYS = List.of("severity", "where", "limit", "fail_calc", "warn_if", "error_if",
            "store_failures", "store_failures_as", "sql_header");
    /** Source config keys that are metadata, not changes (dbt: "metadata/tags changes are not changes"). */
    private static final Set<String> SOURCE_METADATA_KEYS = Set.of("meta", "tags");

    private final Manifest current;
    private final StateManifest previous;
    private final Set<String> internalPackages;
    private volatile Set<String> modifiedMacros;

    public StateComparison(Manifest current, StateManifest previous) {
        this.current = Objects.requireNonNull(current, "current is null");
        this.previous = Objects.requireNonNull(previous, "previous is null");
        Set<String> internal = new HashSet<>();
        internal.add("dbt");
        internal.add("dbt_" + current.adapterType());
        if (previous.adapterType() != null) {
            internal.add("dbt_" + previous.adapterType());
        }
        this.internalPackages = Set.copyOf(internal);
    }

    public Manifest current() {
        return current;
    }

    public StateManifest previous() {
        return previous;
    }

    /** How a node of the current manifest differs from the previous run. */
    public NodeChanges changes(Node node) {
        NodeChanges.Kind kind = node.testMetadata() != null ? NodeChanges.Kind.GENERIC_TEST : NodeChanges.Kind.NODE;
        List<String> macros = upstreamModifiedMacros(node.dependsOn().macros());
        StateNode old = previous.node(node.uniqueId());
        if (old == null) {
            return NodeChanges.added(kind, macros);
        }
        boolean isTest = node.resourceType() == ResourceType.TEST;
        return new NodeChanges(kind, false, !sameBody(node, old),
                isTest ? differingKeys(node.unrenderedConfig(), old.unrenderedConfig(), TEST_KEYS)
                        : differingKeys(node.unrenderedConfig(), old.unrenderedConfig(), null),
                !sameRelation(node.unrenderedConfig(), old.unrenderedConfig()), !samePersistedDescriptions(node, old),
                !node.fqn().equals(old.fqn()), refRepresentation(node, old), !sameContract(node, old), macros, List.of());
    }

    /** How a source of the current manifest differs from the previous run (dbt's {@code SourceDefinition.same_contents}). */
    public NodeChanges changes(SourceDefinition source) {
        StateSource old = previous.sources().get(source.uniqueId());
        if (old == null) {
            return NodeChanges.added(NodeChanges.Kind.SOURCE, List.of());
        }
        boolean relation = !Objects.equals(source.database(), old.database()) || !Objects.equals(source.schema(), old.schema())
                || !Objects.equals(source.identifier(), old.identifier());
        List<String> properties = new ArrayList<>();
        if (!PyValues.equal(withoutEmpty(source.quoting()), withoutEmpty(old.quoting()))) {
            properties.add("quoting");
        }
        if (!PyValues.equal(withoutEmpty(source.freshness()), withoutEmpty(old.freshness()))
                || !Objects.equals(source.loadedAtField(), old.loadedAtField())) {
            properties.add("freshness");
        }
        if (!PyValues.equal(withoutEmpty(null), withoutEmpty(old.external()))) {
            properties.add("external");
        }
        Map<String, Object> mine = withoutEmpty(source.unrenderedConfig());
        Map<String, Object> theirs = withoutEmpty(old.unrenderedConfig());
        mine.keySet().removeAll(SOURCE_METADATA_KEYS);
        theirs.keySet().removeAll(SOURCE_METADATA_KEYS);
        return new NodeChanges(NodeChanges.Kind.SOURCE, false, false, differingKeys(mine, theirs, null), relation, false,
                !source.fqn().equals(old.fqn()), List.of(), false, List.of(), properties);
    }

    /**
     * dbt's {@code same_body}: raw code (stripped, see the package notes); seeds compare file checksums, and unit
     * tests the checksum of their definition (model, inputs, expectation, overrides), as dbt's unit tests do.
     */
    private static boolean sameBody(Node node, StateNode old) {
        if (node.resourceType() == ResourceType.SEED || node.resourceType() == ResourceType.UNIT_TEST) {
            return sameChecksum(node.checksum(), old.checksum());
        }
        String mine = node.rawCode() == null ? "" : node.rawCode();
        return mine.strip().equals(old.rawCode().strip());
    }

    /** dbt's {@code FileHash.__eq__}: a {@code none} hash equals nothing. */
    private static boolean sameChecksum(FileChecksum a, FileChecksum b) {
        return a != null && b != null && !a.name().equals("none") && a.name().equals(b.name()) && a.checksum().equals(b.checksum());
    }

    /**
     * dbt's {@code BaseConfig.same_contents} as a diff: the keys whose values differ, present on one side only
     * counting as different. {@code only} limits the keys (tests); otherwise every key but the excluded ones.
     */
    static List<String> differingKeys(Map<String, Object> mine, Map<String, Object> theirs, List<String> only) {
        Set<String> keys = new TreeSet<>();
        if (only != null) {
            keys.addAll(only);
        } else {
            keys.addAll(mine.keySet());
            keys.addAll(theirs.keySet());
            keys.removeAll(EXCLUDED_KEYS);
        }
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            boolean inMine = mine.containsKey(key);
            if (inMine != theirs.containsKey(key) || inMine && !PyValues.equal(mine.get(key), theirs.get(key))) {
                out.add(key);
            }
        }
        return out;
    }

    /** dbt's {@code same_database_representation}: the configured (unrendered) database, schema and alias. */
    private static boolean sameRelation(Map<String, Object> mine, Map<String, Object> theirs) {
        for (String key : List.of("database", "schema", "alias")) {
            if (!PyValues.equal(mine.get(key), theirs.get(key))) {
                return false;
            }
        }
        return true;
    }

    /** dbt's {@code same_persisted_description}: only descriptions that persist_docs writes count. */
    private static boolean samePersistedDescriptions(Node node, StateNode old) {
        Object persist = node.config().get("persist_docs");
        Map<?, ?> docs = persist instanceof Map<?, ?> m ? m : Map.of();
        if (PyValues.truthy(docs.get("relation")) && !node.description().equals(old.description())) {
            return false;
        }
        if (PyValues.truthy(docs.get("columns"))) {
            Map<String, String> mine = new LinkedHashMap<>();
            for (ColumnSpec c : node.columns().values()) {
                mine.put(c.name(), c.description());
            }
            Map<String, String> theirs = new LinkedHashMap<>();
            old.columns().forEach((name, c) -> theirs.put(name, c.description()));
            return mine.equals(theirs);
        }
        return true;
    }

    /** dbt's {@code ModelNode.same_ref_representation}: what other projects' refs depend on. */
    private static List<String> refRepresentation(Node node, StateNode old) {
        if (node.resourceType() != ResourceType.MODEL) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Object access = node.config().get("access");
        if (!Objects.equals(access == null ? "protected" : access.toString(), old.access() == null ? "protected" : old.access())) {
            out.add("access");
        }
        if (!Objects.equals(node.versionInfo().latestText(), old.latestVersion())) {
            out.add("latest_version");
        }
        if (!sameDate(node.versionInfo().deprecationDate(), old.deprecationDate())) {
            out.add("deprecation_date");
        }
        return out;
    }

    /** Deprecation dates as the same instant, whatever offset each manifest printed them with. */
    private static boolean sameDate(String mine, String theirs) {
        if (mine == null || theirs == null) {
            return mine == null && theirs == null;
        }
        try {
            return java.time.OffsetDateTime.parse(mine).isEqual(java.time.OffsetDateTime.parse(theirs));
        } catch (java.time.format.DateTimeParseException e) {
            return mine.equals(theirs);
        }
    }

    /** dbt's {@code ModelNode.same_contract}: unchanged when never enforced, or enforced with the same checksum. */
    private static boolean sameContract(Node node, StateNode old) {
        if (node.resourceType() != ResourceType.MODEL) {
            return true;
        }
        boolean enforced = ContractChecksum.enforced(node);
        if (!old.contractEnforced() && !enforced) {
            return true;
        }
        return enforced && old.contractEnforced() && Objects.equals(ContractChecksum.of(node), old.contractChecksum());
    }

    /**
     * The modified, added or removed macros a node reaches through {@code depends_on.macros}, following each
     * macro's own dependencies in the current manifest, in the order met.
     */
    public List<String> upstreamModifiedMacros(List<String> macroIds) {
        Set<String> modified = modifiedMacros();
        if (modified.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        List<String> stack = new ArrayList<>(macroIds);
        java.util.Collections.reverse(stack);
        while (!stack.isEmpty()) {
            String id = stack.remove(stack.size() - 1);
            if (!visited.add(id)) {
                continue;
            }
            if (modified.contains(id)) {
                found.add(id);
            }
            MacroNode macro = current.macros().get(id);
            if (macro != null) {
                List<String> next = new ArrayList<>(macro.dependsOn());
                java.util.Collections.reverse(next);
                stack.addAll(next);
            }
        }
        return new ArrayList<>(found);
    }

    /** dbt's {@code _macros_modified}: macros whose text changed, plus added and removed ones (the engine's own aside). */
    public Set<String> modifiedMacros() {
        Set<String> result = modifiedMacros;
        if (result == null) {
            Set<String> out = new LinkedHashSet<>();
            for (MacroNode macro : current.macros().values()) {
                if (internalPackages.contains(macro.packageName())) {
                    continue;
                }
                StateMacro old = previous.macros().get(macro.uniqueId());
                if (old == null || !old.macroSql().equals(macro.macroSql() == null ? "" : macro.macroSql())) {
                    out.add(macro.uniqueId());
                }
            }
            for (StateMacro old : previous.macros().values()) {
                if (!internalPackages.contains(old.packageName()) && !current.macros().containsKey(old.uniqueId())) {
                    out.add(old.uniqueId());
                }
            }
            result = java.util.Collections.unmodifiableSet(out);
            modifiedMacros = result;
        }
        return result;
    }

    /** A copy without the entries (recursively) whose value is null, an empty map or an empty list. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutEmpty(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                Object kept = v instanceof Map<?, ?> ? withoutEmpty(v) : v;
                boolean empty = kept == null || kept instanceof Map<?, ?> km && km.isEmpty() || kept instanceof List<?> l && l.isEmpty();
                if (!empty) {
                    out.put(String.valueOf(k), kept);
                }
            });
        }
        return out;
    }
}

package io.slipway.core.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a project defines, resolved: nodes, sources, macros and doc blocks by unique id, and the
 * parent and child maps between nodes and sources. Immutable once built; lookups by name are indexed.
 */
public final class Manifest {
    private final String projectName;
    private final String adapterType;
    private final Map<String, Node> nodes;
    private final Map<String, SourceDefinition> sources;
    private final Map<String, MacroNode> macros;
    private final Map<String, DocBlock> docs;
    private final Map<String, GroupDefinition> groups;
    /** Parent and child maps, built on first use (a draft manifest used only to resolve refs never needs them). */
    private volatile Map<String, List<String>>[] maps;
    /** Refable nodes by name, then by package. */
    private final Map<String, Map<String, Node>> refIndex;
    /** Sources by "source.table", then by package. */
    private final Map<String, Map<String, SourceDefinition>> sourceIndex;

    public Manifest(String projectName, String adapterType, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
                    Map<String, MacroNode> macros, Map<String, DocBlock> docs) {
        this(projectName, adapterType, nodes, sources, macros, docs, Map.of());
    }

    /** @param groups the {@code groups:} definitions by unique id ({@code group.pkg.name}) */
    public Manifest(String projectName, String adapterType, Map<String, Node> nodes, Map<String, SourceDefinition> sources,
                    Map<String, MacroNode> macros, Map<String, DocBlock> docs, Map<String, GroupDefinition> groups) {
        this.groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        this.projectName = Objects.requireNonNull(projectName, "projectName is null");
        this.adapterType = Objects.requireNonNull(adapterType, "adapterType is null");
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        this.docs = Collections.unmodifiableMap(new LinkedHashMap<>(docs));



        Map<String, Map<String, Node>> refs = new HashMap<>();
        for (Node node : this.nodes.values()) {
            if (node.resourceType().isRefable()) {
                // as dbt's ref lookup: a version is found as name.v<version>; the bare name finds the latest version
                if (node.versionInfo().isVersioned()) {
                    refs.computeIfAbsent(node.name() + ".v" + node.version(), k -> new LinkedHashMap<>()).put(node.packageName(), node);
                    if (node.versionInfo().isLatest()) {
                        refs.computeIfAbsent(node.name(), k -> new LinkedHashMap<>()).put(node.packageName(), node);
                    }
                } else {
                    refs.computeIfAbsent(node.name(), k -> new LinkedHashMap<>()).put(node.packageName(), node);
                }
            }
        }
        this.refIndex = refs;
        Map<String, Map<String, SourceDefinition>> srcs = new HashMap<>();
        for (SourceDefinition source : this.sources.values()) {
            srcs.computeIfAbsent(source.sourceName() + "." + source.name(), k -> new LinkedHashMap<>()).put(source.packageName(), source);
        }
        this.sourceIndex = srcs;
    }

    public String projectName() {
        return projectName;
    }

    public String adapterType() {
        return adapterType;
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public Map<String, SourceDefinition> sources() {
        return sources;
    }

    public Map<String, MacroNode> macros() {
        return macros;
    }

    public Map<String, DocBlock> docs() {
        return docs;
    }

    /** The {@code groups:} definitions by unique id. */
    public Map<String, GroupDefinition> groups() {
        return groups;
    }

    /** Parents of each node and source (sorted unique ids). */
    public Map<String, List<String>> parentMap() {
        return maps()[0];
    }

    /** Children of each node and source (sorted unique ids). */
    public Map<String, List<String>> childMap() {
        return maps()[1];
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>>[] maps() {
        Map<String, List<String>>[] built = maps;
        if (built != null) {
            return built;
        }
        synchronized (this) {
            if (maps != null) {
                return maps;
            }
            // parents are each node's own (deduplicated) list; children are gathered once and sorted at the end;
            // both maps in id order from one sort of the ids (cheaper than two TreeMaps of long shared prefixes)
            String[] ids = new String[sources.size() + nodes.size()];
            int at = 0;
            for (String id : sources.keySet()) {
                ids[at++] = id;
            }
            for (String id : nodes.keySet()) {
                ids[at++] = id;
            }
            java.util.Arrays.parallelSort(ids);
            Map<String, List<String>> childLists = new java.util.HashMap<>(ids.length * 2);
            for (String id : ids) {
                childLists.put(id, new ArrayList<>(2));
            }
            for (Node node : nodes.values()) {
                for (String parent : node.dependsOn().nodes()) {
                    List<String> siblings = childLists.get(parent);
                    if (siblings != null) {
                        siblings.add(node.uniqueId());
                    }
                }
            }
            Map<String, List<String>> parentLists = new LinkedHashMap<>(ids.length * 2);
            Map<String, List<String>> sortedChildren = new LinkedHashMap<>(ids.length * 2);
            for (String id : ids) {
                Node node = nodes.get(id);
                parentLists.put(id, node == null ? List.of() : sortedUnique(new ArrayList<>(node.dependsOn().nodes())));
                sortedChildren.put(id, sortedUnique(childLists.get(id)));
            }
            maps = new Map[] {Collections.unmodifiableMap(parentLists), Collections.unmodifiableMap(sortedChildren)};
            return maps;
        }
    }

    private static List<String> sortedUnique(List<String> values) {
        if (values.size() > 1) {
            values.sort(null);
            int kept = 1;
            for (int i = 1; i < values.size(); i++) {
                if (!values.get(i).equals(values.get(kept - 1))) {
                    values.set(kept++, values.get(i));
                }
            }
            values.subList(kept, values.size()).clear();
        }
        return List.copyOf(values);
    }

    public Node node(String uniqueId) {
        return nodes.get(uniqueId);
    }

    /**
     * Resolves a ref as dbt does: the named package if given; otherwise the root project, then the
     * calling node's package, then any package. A versioned model is found by its version, or without one
     * by its latest version.
     *
     * @return the node, or null
     */
    public Node resolveRef(RefCall ref, String callerPackage) {
        Map<String, Node> byPackage = refIndex.get(ref.version() == null ? ref.name() : ref.name() + ".v" + ref.version());
        if (byPackage == null) {
            return null;
        }
        if (ref.packageName() != null) {
            return byPackage.get(ref.packageName());
        }
        Node found = byPackage.get(projectName);
        if (found == null && callerPackage != null) {
            found = byPackage.get(callerPackage);
        }
        if (found == null && !byPackage.isEmpty()) {
            found = byPackage.values().iterator().next();
        }
        return found;
    }

    /** Resolves {@code source(sourceName, tableName)}; null if absent. */
    public SourceDefinition resolveSource(String sourceName, String tableName, String callerPackage) {
        Map<String, SourceDefinition> byPackage = sourceIndex.get(sourceName + "." + tableName);
        if (byPackage == null) {
            return null;
        }
        SourceDefinition found = callerPackage == null ? null : byPackage.get(callerPackage);
        if (found == null) {
            found = byPackage.get(projectName);
        }
        return found != null ? found : byPackage.values().iterator().next();
    }

    /** Names of every refable node, for "did you mean" suggestions. */
    public List<String> refableNames() {
        return new ArrayList<>(refIndex.keySet());
    }

    /** Names of every source table as {@code source.table}. */
    public List<String> sourceNames() {
        return new ArrayList<>(sourceIndex.keySet());
    }
}

package io.slipway.core.selection;

import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The enabled nodes and sources of a manifest (dbt's selection subgraph), numbered in manifest order so that
 * selections are bit sets and graph walks are array walks: tens of thousands of nodes stay fast. Immutable.
 */
final class MemberGraph {
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Set<String> idSet;
    private final int[][] parents;
    private final int[][] children;
    /** Tests and unit tests: what they depend on, as member numbers. */
    private final int[][] testDependencies;
    /** Tests and unit tests that depend on something outside the graph (a disabled node, a source...). */
    private final BitSet dependsOutside = new BitSet();
    /** Of those, the ones whose outside dependencies are all sources (buildable counts every source as built). */
    private final BitSet dependsOutsideOnlyOnSources = new BitSet();
    private final BitSet sources = new BitSet();
    private final BitSet tests = new BitSet();
    private final Node[] nodes;

    MemberGraph(Manifest manifest) {
        for (Node node : manifest.nodes().values()) {
            if (node.config().enabled()) {
                add(node.uniqueId());
            }
        }
        int nodeCount = ids.size();
        for (SourceDefinition source : manifest.sources().values()) {
            if (NodeConfig.truthy(source.config().get("enabled"), true)) {
                sources.set(add(source.uniqueId()));
            }
        }
        int n = ids.size();
        this.idSet = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        this.nodes = new Node[n];
        this.parents = new int[n][];
        this.testDependencies = new int[n][];
        List<List<Integer>> childLists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            childLists.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            Node node = i < nodeCount ? manifest.node(id) : null;
            nodes[i] = node;
            // a node's own depends_on, not the manifest's sorted parent map: the order does not matter here,
            // and the map is then built only if an artifact needs it
            List<String> parentIds = node == null ? List.of() : node.dependsOn().nodes();
            int[] ps = numbers(parentIds);
            parents[i] = ps;
            for (int p : ps) {
                childLists.get(p).add(i);
            }
            if (node != null && (node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST)) {
                tests.set(i);
                List<String> deps = node.dependsOn().nodes();
                testDependencies[i] = numbers(deps);
                boolean onlySources = true;
                boolean outside = false;
                for (String dep : deps) {
                    if (!index.containsKey(dep)) {
                        outside = true;
                        onlySources &= manifest.sources().containsKey(dep);
                    }
                }
                if (outside) {
                    dependsOutside.set(i);
                    if (onlySources) {
                        dependsOutsideOnlyOnSources.set(i);
                    }
                }
            }
        }
        this.children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = childLists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int add(String id) {
        int i = ids.size();
        ids.add(id);
        index.put(id, i);
        return i;
    }

    /** The member numbers of these ids, without repeats, in their order. */
    private int[] numbers(Collection<String> memberIds) {
        int[] out = new int[memberIds.size()];
        int count = 0;
        for (String id : memberIds) {
            Integer i = index.get(id);
            if (i != null && !contains(out, count, i)) {
                out[count++] = i;
            }
        }
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    // lists of parents are short: a scan beats a set
    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return ids.size();
    }

    /** The members' unique ids in manifest order (nodes, then sources). */
    Set<String> idSet() {
        return idSet;
    }

    String id(int i) {
        return ids.get(i);
    }

    /** The member's node, or null for a source. */
    Node node(int i) {
        return nodes[i];
    }

    /** Whether the member is a test or unit test (the only nodes selected indirectly). */
    boolean isTest(int i) {
        return tests.get(i);
    }

    boolean isSource(int i) {
        return sources.get(i);
    }

    BitSet sources() {
        return sources;
    }

    /** The members among the ids (others are ignored). */
    BitSet toBits(Collection<String> memberIds) {
        BitSet out = new BitSet(size());
        for (String id : memberIds) {
            Integer i = index.get(id);
            if (i != null) {
                out.set(i);
            }
        }
        return out;
    }

    /** Ancestors of the set up to {@code depth} steps (negative: all), not counting the set itself unless reached. */
    BitSet ancestors(BitSet from, int depth) {
        return walk(from, depth, parents);
    }

    /** Descendants of the set up to {@code depth} steps (negative: all). */
    BitSet descendants(BitSet from, int depth) {
        return walk(from, depth, children);
    }

    private BitSet walk(BitSet from, int depth, int[][] edges) {
        BitSet seen = new BitSet(size());
        int[] frontier = from.stream().toArray();
        int level = 0;
        while (frontier.length > 0 && (depth < 0 || level < depth)) {
            int[] next = new int[16];
            int count = 0;
            for (int i : frontier) {
                for (int j : edges[i]) {
                    if (!seen.get(j)) {
                        seen.set(j);
                        if (count == next.length) {
                            next = java.util.Arrays.copyOf(next, count * 2);
                        }
                        next[count++] = j;
                    }
                }
            }
            frontier = java.util.Arrays.copyOf(next, count);
            level++;
        }
        return seen;
    }

    /** The direct children of the set that are tests or unit tests. */
    BitSet testChildren(BitSet selected) {
        BitSet out = new BitSet(size());
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            for (int c : children[i]) {
                if (tests.get(c)) {
                    out.set(c);
                }
            }
        }
        return out;
    }

    /** Whether everything the test depends on is in {@code selected}. */
    boolean dependenciesWithin(int test, BitSet selected, boolean sourcesOutsideCount) {
        if (dependsOutside.get(test) && !(sourcesOutsideCount && dependsOutsideOnlyOnSources.get(test))) {
            return false;
        }
        for (int d : testDependencies[test]) {
            if (!selected.get(d)) {
                return false;
            }
        }
        return true;
    }
}

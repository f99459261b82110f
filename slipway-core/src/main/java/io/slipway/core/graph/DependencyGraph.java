package io.slipway.core.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directed graph of unique ids (parent to child), stored as int-indexed adjacency lists so that large
 * projects stay cheap to walk. Immutable.
 */
public final class DependencyGraph {
    private final List<String> ids;
    private final Map<String, Integer> index;
    private final int[][] parents;
    private final int[][] children;

    /** @param parentsById each id's parents; parents not among the ids are ignored */
    public DependencyGraph(Map<String, ? extends Collection<String>> parentsById) {
        this.ids = new ArrayList<>(parentsById.keySet());
        this.index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        // plain arrays and loops: built once per command for tens of thousands of nodes, where boxed sets
        // and streams per node showed in profiles
        int n = ids.size();
        this.parents = new int[n][];
        int[] childCounts = new int[n];
        int[] scratch = new int[16];
        for (int i = 0; i < n; i++) {
            Collection<String> named = parentsById.get(ids.get(i));
            if (scratch.length < named.size()) {
                scratch = new int[named.size()];
            }
            int count = 0;
            for (String p : named) {
                Integer pi = index.get(p);
                if (pi == null || pi == i || contains(scratch, count, pi)) {
                    continue;
                }
                scratch[count++] = pi;
                childCounts[pi]++;
            }
            parents[i] = java.util.Arrays.copyOf(scratch, count);
        }
        this.children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCounts[i]];
            childCounts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int p : parents[i]) {
                children[p][childCounts[p]++] = i;
            }
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    public List<String> ids() {
        return Collections.unmodifiableList(ids);
    }

    public boolean contains(String id) {
        return index.containsKey(id);
    }

    public List<String> parents(String id) {
        return names(parents[index.get(id)]);
    }

    public List<String> children(String id) {
        return names(children[index.get(id)]);
    }

    private List<String> names(int[] indexes) {
        List<String> out = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            out.add(ids.get(i));
        }
        return out;
    }

    /** All ancestors of the ids, up to {@code depth} steps (negative for unlimited), not including the ids themselves. */
    public Set<String> ancestors(Collection<String> from, int depth) {
        return walk(from, depth, parents);
    }

    /** All descendants of the ids, up to {@code depth} steps (negative for unlimited), not including the ids themselves. */
    public Set<String> descendants(Collection<String> from, int depth) {
        return walk(from, depth, children);
    }

    private Set<String> walk(Collection<String> from, int depth, int[][] edges) {
        boolean[] seen = new boolean[ids.size()];
        Deque<int[]> queue = new ArrayDeque<>();
        for (String id : from) {
            Integer i = index.get(id);
            if (i != null) {
                queue.add(new int[] {i, 0});
            }
        }
        Set<String> out = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            int[] item = queue.poll();
            if (depth >= 0 && item[1] >= depth) {
                continue;
            }
            for (int next : edges[item[0]]) {
                if (!seen[next]) {
                    seen[next] = true;
                    out.add(ids.get(next));
                    queue.add(new int[] {next, item[1] + 1});
                }
            }
        }
        return out;
    }

    /** A cycle, as the ids along it with the first repeated at the end, or an empty list when there is none. */
    public List<String> findCycle() {
        int n = ids.size();
        byte[] state = new byte[n]; // 0 new, 1 on stack, 2 done
        int[] via = new int[n];
        int[] position = new int[n];
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            Deque<Integer> stack = new ArrayDeque<>();
            stack.push(start);
            state[start] = 1;
            via[start] = -1;
            while (!stack.isEmpty()) {
                int node = stack.peek();
                if (position[node] < children[node].length) {
                    int child = children[node][position[node]++];
                    if (state[child] == 0) {
                        state[child] = 1;
                        via[child] = node;
                        stack.push(child);
                    } else if (state[child] == 1) {
                        List<String> cycle = new ArrayList<>();
                        for (int at = node; at != child; at = via[at]) {
                            cycle.add(ids.get(at));
                        }
                        cycle.add(ids.get(child));
                        Collections.reverse(cycle);
                        cycle.add(ids.get(child));
                        return cycle;
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
        return List.of();
    }

    /** The ids in an order where every parent comes before its children (ties by insertion order). */
    public List<String> topologicalOrder() {
        int n = ids.size();
        int[] pending = new int[n];
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            pending[i] = parents[i].length;
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<String> out = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(ids.get(i));
            for (int c : children[i]) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        return out;
    }
}

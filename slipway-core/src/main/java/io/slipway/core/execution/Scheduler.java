package io.slipway.core.execution;

import io.slipway.core.graph.DependencyGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a set of nodes along their dependencies on a fixed number of threads: a node starts once all its
 * parents in the set finished; when a node's result says so, its descendants are skipped instead.
 * Decisions happen on the calling thread; only the work runs on the pool.
 */
final class Scheduler {
    /** What the scheduler asks of the task. */
    interface Work {
        /** Called on the scheduling thread just before a node is handed to a worker. */
        void starting(String id);

        /** Runs a node (on a pool thread). */
        NodeResult run(String id);

        /** A node that will not run because {@code cause} failed (called on the scheduling thread). */
        NodeResult skip(String id, String cause);

        /** Called on the scheduling thread when a node finished or was skipped. */
        void finished(NodeResult result);
    }

    private final DependencyGraph graph;
    private final int threads;

    /** @param graph the nodes to run and their dependencies among themselves */
    Scheduler(DependencyGraph graph, int threads) {
        this.graph = graph;
        this.threads = Math.max(1, threads);
    }

    /**
     * Runs everything; returns results in completion order.
     *
     * @param skipsDescendants whether a result marks its node's descendants skipped
     * @param stop             whether to stop dispatching (cancel or fail-fast); remaining nodes are skipped
     */
    List<NodeResult> run(Work work, Predicate<NodeResult> skipsDescendants, java.util.function.BooleanSupplier stop) {
        Map<String, Integer> pending = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : graph.topologicalOrder()) {
            int n = graph.parents(id).size();
            pending.put(id, n);
            if (n == 0) {
                ready.add(id);
            }
        }
        Set<String> done = new HashSet<>();
        Map<String, String> skippedBecause = new LinkedHashMap<>();
        List<NodeResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, new WorkerThreads());
        CompletionService<NodeResult> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (!ready.isEmpty() || running > 0) {
                while (!ready.isEmpty() && running < threads && !stop.getAsBoolean()) {
                    String id = ready.poll();
                    String cause = skippedBecause.get(id);
                    if (cause != null) {
                        NodeResult skipped = work.skip(id, cause);
                        results.add(skipped);
                        work.finished(skipped);
                        release(id, skipped, pending, ready, done, skippedBecause, skipsDescendants);
                        continue;
                    }
                    work.starting(id);
                    completion.submit(() -> work.run(id));
                    running++;
                }
                if (running == 0) {
                    break;
                }
                NodeResult result = take(completion);
                running--;
                results.add(result);
                work.finished(result);
                release(result.uniqueId(), result, pending, ready, done, skippedBecause, skipsDescendants);
            }
            if (!stop.getAsBoolean() && ready.isEmpty() && done.size() < graph.ids().size()) {
                // nodes that wait on each other never become ready: say so rather than leave them out of the run
                List<String> stuck = new ArrayList<>(graph.ids());
                stuck.removeAll(done);
                throw new IllegalStateException("these nodes wait on each other and cannot run: " + stuck);
            }
            if (stop.getAsBoolean() || !ready.isEmpty()) {
                for (String id : graph.topologicalOrder()) {
                    if (!done.contains(id)) {
                        NodeResult skipped = work.skip(id, null);
                        results.add(skipped);
                        work.finished(skipped);
                        done.add(id);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    private void release(String id, NodeResult result, Map<String, Integer> pending, Deque<String> ready, Set<String> done,
                         Map<String, String> skippedBecause, Predicate<NodeResult> skipsDescendants) {
        done.add(id);
        if (skipsDescendants.test(result)) {
            String cause = skippedBecause.getOrDefault(id, id);
            for (String d : graph.descendants(List.of(id), -1)) {
                skippedBecause.putIfAbsent(d, cause);
            }
        }
        for (String child : graph.children(id)) {
            int left = pending.merge(child, -1, Integer::sum);
            if (left == 0) {
                ready.add(child);
            }
        }
    }

    private static NodeResult take(CompletionService<NodeResult> completion) {
        try {
            Future<NodeResult> f = completion.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for nodes", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // the cause's own words, so that a rare failure can be understood from the console alone
            throw new IllegalStateException("a node runner failed unexpectedly: " + cause, cause);
        }
    }

    /** Worker threads named as dbt names them ({@code Thread-1}), daemon so a stuck statement cannot keep the JVM alive. */
    private static final class WorkerThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "Thread-" + next.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }

    /** A graph over {@code selected} whose edges follow paths through unselected nodes, as dbt's subset graph does. */
    static DependencyGraph subset(Collection<String> selected, Function<String, List<String>> parentsOf) {
        Set<String> chosen = new HashSet<>(selected);
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Map<String, Set<String>> memo = new HashMap<>();
        for (String id : selected) {
            Set<String> ps = new HashSet<>();
            for (String p : parentsOf.apply(id)) {
                ps.addAll(selectedAncestors(p, chosen, parentsOf, memo));
            }
            parents.put(id, new ArrayList<>(ps));
        }
        return new DependencyGraph(parents);
    }

    private static Set<String> selectedAncestors(String id, Set<String> chosen, Function<String, List<String>> parentsOf,
                                                 Map<String, Set<String>> memo) {
        if (chosen.contains(id)) {
            return Set.of(id);
        }
        Set<String> cached = memo.get(id);
        if (cached != null) {
            return cached;
        }
        memo.put(id, Set.of());
        Set<String> out = new HashSet<>();
        List<String> ps = parentsOf.apply(id);
        if (ps != null) {
            for (String p : ps) {
                out.addAll(selectedAncestors(p, chosen, parentsOf, memo));
            }
        }
        memo.put(id, out);
        return out;
    }
}

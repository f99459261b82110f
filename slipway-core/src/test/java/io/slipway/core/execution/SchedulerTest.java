package io.slipway.core.execution;

import io.slipway.core.graph.DependencyGraph;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduler runs nodes after their parents, skips the descendants of a failure, and never drops a node silently. */
class SchedulerTest {
    private static Scheduler.Work recording(List<String> ran, String failing) {
        return new Scheduler.Work() {
            @Override
            public void starting(String id) {
            }

            @Override
            public NodeResult run(String id) {
                ran.add(id);
                NodeStatus status = id.equals(failing) ? NodeStatus.ERROR : NodeStatus.SUCCESS;
                return new NodeResult(id, status, null, null, Map.of(), null, null, null, Instant.now(), 0, "t", null, null, null);
            }

            @Override
            public NodeResult skip(String id, String cause) {
                return NodeResult.skipped(id, "skipped because of " + cause, null);
            }

            @Override
            public void finished(NodeResult result) {
            }
        };
    }

    @Test
    void parentsRunFirstAndAFailureSkipsItsDescendants() {
        DependencyGraph graph = new DependencyGraph(Map.of("a", List.of(), "b", List.of("a"), "c", List.of("b"), "d", List.of("a")));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<NodeResult> results = new Scheduler(graph, 1).run(recording(ran, "b"), r -> r.status() == NodeStatus.ERROR, () -> false);
        assertThat(ran).containsExactlyInAnyOrder("a", "b", "d");
        assertThat(ran.indexOf("a")).isLessThan(ran.indexOf("b"));
        assertThat(results).filteredOn(r -> r.uniqueId().equals("c")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(NodeStatus.SKIPPED));
    }

    @Test
    void nodesThatWaitOnEachOtherAreNamedNotDropped() {
        DependencyGraph graph = new DependencyGraph(Map.of("a", List.of(), "b", List.of("c"), "c", List.of("b")));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> new Scheduler(graph, 2).run(recording(ran, null), r -> false, () -> false))
                .hasMessageContaining("wait on each other").hasMessageContaining("b").hasMessageContaining("c");
        assertThat(ran).containsExactly("a");
    }
}

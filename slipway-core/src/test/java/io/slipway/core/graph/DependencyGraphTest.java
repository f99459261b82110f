package io.slipway.core.graph;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyGraphTest {
    private static DependencyGraph graph(String... edges) {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (String edge : edges) {
            String[] p = edge.split(">");
            parents.computeIfAbsent(p[0], k -> new java.util.ArrayList<>());
            parents.computeIfAbsent(p[1], k -> new java.util.ArrayList<>()).add(p[0]);
        }
        return new DependencyGraph(parents);
    }

    @Test
    void ordersParentsFirstAndWalksWithDepth() {
        DependencyGraph g = graph("seed>stg", "stg>mart", "stg>other", "mart>report");
        List<String> order = g.topologicalOrder();
        assertThat(order.indexOf("seed")).isLessThan(order.indexOf("stg"));
        assertThat(order.indexOf("stg")).isLessThan(order.indexOf("mart"));
        assertThat(order.indexOf("mart")).isLessThan(order.indexOf("report"));
        assertThat(g.descendants(List.of("stg"), -1)).containsExactlyInAnyOrder("mart", "other", "report");
        assertThat(g.descendants(List.of("stg"), 1)).containsExactlyInAnyOrder("mart", "other");
        assertThat(g.ancestors(List.of("report"), -1)).containsExactlyInAnyOrder("mart", "stg", "seed");
        assertThat(g.findCycle()).isEmpty();
    }

    @Test
    void findsACycleWithItsMembers() {
        DependencyGraph g = graph("a>b", "b>c", "c>a", "c>d");
        List<String> cycle = g.findCycle();
        assertThat(cycle).hasSize(4);
        assertThat(cycle.get(0)).isEqualTo(cycle.get(3));
        assertThat(cycle.subList(0, 3)).containsExactlyInAnyOrder("a", "b", "c");
    }
}

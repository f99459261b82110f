package io.slipway.core.selection;

import io.slipway.core.graph.DependencyGraph;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a {@link SelectorMethod} may consult: the manifest, the project directory, the graph, other selectors. */
public final class SelectionContext {
    private final Manifest manifest;
    private final Path projectDir;
    private final Supplier<DependencyGraph> graph;
    private final Memo memo;
    private final Function<String, Set<String>> namedSelector;
    private Set<String> lastCandidates;
    private List<Node> lastNodes;

    SelectionContext(Manifest manifest, Path projectDir, Supplier<DependencyGraph> graph, Memo memo, Function<String, Set<String>> namedSelector) {
        this.manifest = manifest;
        this.projectDir = projectDir;
        this.graph = graph;
        this.memo = memo;
        this.namedSelector = namedSelector;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The root project's name ({@code package:this}). */
    public String rootProject() {
        return manifest.projectName();
    }

    /** The root project's directory, or null when the selector was built without one. */
    public Path projectDir() {
        return projectDir;
    }

    /** The graph of enabled nodes and sources. */
    public DependencyGraph graph() {
        return graph.get();
    }

    /** The candidate nodes (not sources), in manifest order. */
    public List<Node> nodes(Set<String> candidates) {
        // every criterion of a selection asks with the same candidates (all members): filtered once
        if (candidates == lastCandidates) {
            return lastNodes;
        }
        List<Node> out = new ArrayList<>();
        for (Node node : manifest.nodes().values()) {
            if (candidates.contains(node.uniqueId())) {
                out.add(node);
            }
        }
        lastNodes = Collections.unmodifiableList(out);
        lastCandidates = candidates;
        return lastNodes;
    }

    /** The candidate sources, in manifest order. */
    public List<SourceDefinition> sources(Set<String> candidates) {
        List<SourceDefinition> out = new ArrayList<>();
        for (SourceDefinition source : manifest.sources().values()) {
            if (candidates.contains(source.uniqueId())) {
                out.add(source);
            }
        }
        return out;
    }

    /** The final selection of a YAML selector (for {@code selector:name}); errors if there is no such selector. */
    public Set<String> namedSelector(String name) {
        return namedSelector.apply(name);
    }

    /** A value computed once per {@link NodeSelector} (e.g. an index over the manifest), by key. */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, Supplier<T> compute) {
        return (T) memo.values.computeIfAbsent(key, k -> compute.get());
    }

    /** The per-selector cache behind {@link #memo}. */
    static final class Memo {
        final java.util.concurrent.ConcurrentHashMap<String, Object> values = new java.util.concurrent.ConcurrentHashMap<>();
    }
}

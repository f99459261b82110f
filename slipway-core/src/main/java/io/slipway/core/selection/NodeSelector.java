package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.graph.DependencyGraph;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Selects nodes and sources of a manifest as dbt does ({@code selector.py}): the criteria of
 * {@code --select}/{@code --exclude} or of a YAML selector, graph operators, set operations, and indirect
 * selection of tests. Only enabled nodes and sources take part. Immutable and thread-safe once built.
 *
 * <p>Which spec is used: {@code --selector} if given (then {@code --select}/{@code --exclude} are ignored, with a
 * warning); else, with neither {@code --select} nor {@code --exclude}, the YAML selector with
 * {@code default: true} if there is one; else {@code --select} (everything when absent) minus {@code --exclude}.
 */
public final class NodeSelector {
    private final Manifest manifest;
    private final YamlSelectors selectors;
    private final Path projectDir;
    private final MethodRegistry methods;
    private final boolean includeEmptyNodes;
    private final Set<ResourceType> resourceTypes;
    private final DependencyGraph graph;
    private final Set<String> members;
    private final SelectionContext.Memo memo = new SelectionContext.Memo();

    /** A selector without YAML selectors or project directory (path: then globs the root project's own files). */
    public NodeSelector(Manifest manifest) {
        this(builder(manifest));
    }

    /**
     * @param selectors  the project's {@code selectors.yml} ({@link YamlSelectors#load})
     * @param projectDir the root project's directory, against which {@code path:} globs (may be null)
     */
    public NodeSelector(Manifest manifest, YamlSelectors selectors, Path projectDir) {
        this(builder(manifest).selectors(selectors).projectDir(projectDir));
    }

    private NodeSelector(Builder b) {
        this.manifest = b.manifest;
        this.selectors = b.selectors;
        this.projectDir = b.projectDir;
        this.methods = b.methods;
        this.includeEmptyNodes = b.includeEmptyNodes;
        this.resourceTypes = b.resourceTypes == null ? null : Collections.unmodifiableSet(EnumSet.copyOf(b.resourceTypes));
        Map<String, List<String>> parents = new LinkedHashMap<>();
        Set<String> enabled = new LinkedHashSet<>();
        for (Node node : manifest.nodes().values()) {
            if (node.config().enabled()) {
                enabled.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : manifest.sources().values()) {
            if (NodeConfig.truthy(source.config().get("enabled"), true)) {
                enabled.add(source.uniqueId());
            }
        }
        for (String id : enabled) {
            parents.put(id, manifest.parentMap().getOrDefault(id, List.of()));
        }
        this.members = Collections.unmodifiableSet(enabled);
        this.graph = new DependencyGraph(parents);
    }

    public static Builder builder(Manifest manifest) {
        return new Builder(manifest);
    }

    /** Unique ids of the selected nodes and sources, in manifest order. */
    public Set<String> select(SelectionSpec spec) {
        return evaluate(spec).selected();
    }

    /** The selection with the warnings dbt would print. */
    public SelectionResult evaluate(SelectionSpec spec) {
        Run run = new Run(spec.indirect());
        SelectionNode root;
        String defaultUsed = null;
        if (spec.selector() != null) {
            if (!spec.select().isEmpty() || !spec.exclude().isEmpty()) {
                run.warnings.add("--selector " + spec.selector() + " is given, so --select and --exclude are ignored");
            }
            root = selectors.require(spec.selector()).definition();
        } else if (spec.select().isEmpty() && spec.exclude().isEmpty() && selectors.defaultSelector() != null) {
            defaultUsed = selectors.defaultSelector();
            root = selectors.require(defaultUsed).definition();
        } else {
            root = SelectorParser.parseDifference(spec.select(), spec.exclude(), spec.indirect());
        }
        String name = spec.selector() != null ? spec.selector() : defaultUsed;
        if (name != null) {
            run.expanding.push(name);
        }
        Set<String> selected = run.selected(root);
        return new SelectionResult(selected, run.warnings, defaultUsed);
    }

    /** Evaluates a parsed selection (from {@link SelectorParser} or a {@link SelectorDefinition}). */
    public SelectionResult evaluate(SelectionNode selection, IndirectSelection indirect) {
        Run run = new Run(Objects.requireNonNull(indirect, "indirect is null"));
        return new SelectionResult(run.selected(selection), run.warnings, null);
    }

    public Manifest manifest() {
        return manifest;
    }

    public YamlSelectors selectors() {
        return selectors;
    }

    /** The enabled nodes and sources, which are all a selection can return. */
    public Set<String> members() {
        return members;
    }

    /** Whether dbt treats the node as empty (a model, snapshot, analysis or singular test with a blank file). */
    static boolean isEmptyNode(Node node) {
        if (node.resourceType() == ResourceType.SEED || node.resourceType() == ResourceType.UNIT_TEST || node.testMetadata() != null) {
            return false;
        }
        return node.rawCode() != null && node.rawCode().isBlank();
    }

    /** One evaluation: the invocation's indirect mode, warnings so far, and the YAML selectors being expanded. */
    private final class Run {
        final IndirectSelection mode;
        final List<String> warnings = new ArrayList<>();
        final Deque<String> expanding = new ArrayDeque<>();
        final SelectionContext context;

        Run(IndirectSelection mode) {
            this.mode = mode;
            this.context = new SelectionContext(manifest, projectDir, graph, memo, this::namedSelector);
        }

        /** dbt's {@code get_selected}: the direct selection, filtered, in manifest order. */
        Set<String> selected(SelectionNode root) {
            Set<String> direct = evaluate(root).direct;
            Set<String> out = new LinkedHashSet<>();
            for (String id : members) {
                if (direct.contains(id) && keep(id)) {
                    out.add(id);
                }
            }
            return out;
        }

        private boolean keep(String id) {
            Node node = manifest.node(id);
            if (node != null) {
                return (resourceTypes == null || resourceTypes.contains(node.resourceType()))
                        && (includeEmptyNodes || !isEmptyNode(node));
            }
            return resourceTypes == null || resourceTypes.contains(ResourceType.SOURCE);
        }

        Set<String> namedSelector(String name) {
            if (expanding.contains(name)) {
                List<String> chain = new ArrayList<>(expanding);
                Collections.reverse(chain);
                chain.add(name);
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Selector '" + name + "' refers to itself through "
                        + String.join(" -> ", chain) + "; remove the selector: reference that closes the loop");
            }
            SelectorDefinition definition = selectors.require(name);
            expanding.push(name);
            try {
                return selected(definition.definition());
            } finally {
                expanding.pop();
            }
        }

        /** dbt's {@code select_nodes_recursively}. */
        private Bundle evaluate(SelectionNode node) {
            if (node instanceof SelectionCriteria criteria) {
                return criteria(criteria);
            }
            SelectionGroup group = (SelectionGroup) node;
            List<Set<String>> directSets = new ArrayList<>();
            List<Set<String>> indirectSets = new ArrayList<>();
            for (SelectionNode component : group.components()) {
                Bundle b = evaluate(component);
                directSets.add(b.direct);
                Set<String> both = new HashSet<>(b.direct);
                both.addAll(b.indirect);
                indirectSets.add(both);
            }
            Set<String> initialDirect = combine(group.kind(), directSets);
            Set<String> indirect = combine(group.kind(), indirectSets);
            IndirectSelection groupMode = group.indirect() == null ? mode : group.indirect();
            Set<String> direct = incorporate(initialDirect, indirect, groupMode);
            if (group.expectExists() && direct.isEmpty()) {
                warnings.add("The selection criterion '" + group.raw() + "' does not match any enabled nodes");
            }
            return new Bundle(direct, indirect);
        }

        private Bundle criteria(SelectionCriteria criteria) {
            SelectorMethod method = methods.get(criteria.method());
            if (method == null) {
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "The '" + criteria.method().dbtName()
                        + "' selector method in '" + criteria.raw() + "' is not available in Slipway");
            }
            Set<String> collected = new HashSet<>();
            for (String id : method.search(context, members, criteria)) {
                if (members.contains(id)) {
                    collected.add(id);
                }
            }
            Set<String> selected = new HashSet<>(collected);
            selected.addAll(neighbors(criteria, collected));
            IndirectSelection criteriaMode = criteria.indirect() == null ? mode : criteria.indirect();
            if (criteriaMode == IndirectSelection.EMPTY || criteria.method() == MethodName.SELECTOR) {
                // a referenced selector already applied its own indirect selection and exclusions
                return new Bundle(selected, Set.of());
            }
            return expand(selected, criteriaMode);
        }

        /** dbt's {@code collect_specified_neighbors}. */
        private Set<String> neighbors(SelectionCriteria criteria, Set<String> selected) {
            Set<String> additional = new HashSet<>();
            if (criteria.childrensParents()) {
                Set<String> ancestorsFor = new HashSet<>(graph.descendants(selected, -1));
                ancestorsFor.addAll(selected);
                additional.addAll(graph.ancestors(ancestorsFor, -1));
                additional.addAll(ancestorsFor);
            }
            if (criteria.parents()) {
                additional.addAll(graph.ancestors(selected, depth(criteria.parentsDepth())));
            }
            if (criteria.children()) {
                additional.addAll(graph.descendants(selected, depth(criteria.childrenDepth())));
            }
            return additional;
        }

        private int depth(Integer depth) {
            return depth == null ? -1 : Math.max(0, depth);
        }

        /** dbt's {@code expand_selection}: tests that depend on the selection. */
        private Bundle expand(Set<String> selected, IndirectSelection expandMode) {
            Set<String> direct = new HashSet<>(selected);
            Set<String> indirect = new HashSet<>();
            Set<String> selectedAndParents = null;
            if (expandMode == IndirectSelection.BUILDABLE) {
                selectedAndParents = new HashSet<>(selected);
                selectedAndParents.addAll(graph.ancestors(selected, -1));
                selectedAndParents.addAll(manifest.sources().keySet());
            }
            for (String id : successors(selected)) {
                Node node = manifest.node(id);
                if (node == null || !canSelectIndirectly(node)) {
                    continue;
                }
                List<String> dependsOn = node.dependsOn().nodes();
                if (expandMode == IndirectSelection.EAGER || selected.containsAll(dependsOn)) {
                    direct.add(id);
                } else if (expandMode == IndirectSelection.BUILDABLE && selectedAndParents.containsAll(dependsOn)) {
                    direct.add(id);
                } else if (expandMode != IndirectSelection.EMPTY) {
                    indirect.add(id);
                }
            }
            return new Bundle(direct, indirect);
        }

        /** dbt's {@code incorporate_indirect_nodes}: pending tests whose parents the combined selection now has. */
        private Set<String> incorporate(Set<String> direct, Set<String> indirect, IndirectSelection groupMode) {
            if (direct.equals(indirect)) {
                return direct;
            }
            Set<String> selected = new HashSet<>(direct);
            if (groupMode == IndirectSelection.CAUTIOUS) {
                for (String id : indirect) {
                    Node node = manifest.node(id);
                    if (node != null && selected.containsAll(node.dependsOn().nodes())) {
                        selected.add(id);
                    }
                }
            } else if (groupMode == IndirectSelection.BUILDABLE) {
                Set<String> selectedAndParents = new HashSet<>(selected);
                selectedAndParents.addAll(graph.ancestors(selected, -1));
                for (String id : indirect) {
                    Node node = manifest.node(id);
                    if (node != null && selectedAndParents.containsAll(node.dependsOn().nodes())) {
                        selected.add(id);
                    }
                }
            }
            return selected;
        }

        private Set<String> successors(Set<String> selected) {
            Set<String> out = new LinkedHashSet<>();
            for (String id : selected) {
                if (graph.contains(id)) {
                    out.addAll(graph.children(id));
                }
            }
            return out;
        }
    }

    private static boolean canSelectIndirectly(Node node) {
        return node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST;
    }

    private static Set<String> combine(SelectionGroup.Kind kind, List<Set<String>> sets) {
        if (sets.isEmpty()) {
            return new HashSet<>();
        }
        Set<String> out = new HashSet<>(sets.get(0));
        for (int i = 1; i < sets.size(); i++) {
            switch (kind) {
                case UNION -> out.addAll(sets.get(i));
                case INTERSECTION -> out.retainAll(sets.get(i));
                case DIFFERENCE -> out.removeAll(sets.get(i));
            }
        }
        return out;
    }

    /** The direct selection and the tests held back by cautious or buildable expansion. */
    private record Bundle(Set<String> direct, Set<String> indirect) {
    }

    /** Options of a {@link NodeSelector}. */
    public static final class Builder {
        private final Manifest manifest;
        private YamlSelectors selectors = YamlSelectors.empty();
        private Path projectDir;
        private MethodRegistry methods = MethodRegistry.standard();
        private boolean includeEmptyNodes;
        private Set<ResourceType> resourceTypes;

        private Builder(Manifest manifest) {
            this.manifest = Objects.requireNonNull(manifest, "manifest is null");
        }

        /** The project's YAML selectors, for {@code --selector}, {@code selector:} and {@code default: true}. */
        public Builder selectors(YamlSelectors value) {
            this.selectors = value == null ? YamlSelectors.empty() : value;
            return this;
        }

        /** The root project's directory: {@code path:} globs against the files there, as dbt does. */
        public Builder projectDir(Path value) {
            this.projectDir = value;
            return this;
        }

        /** The selector methods (to plug in {@code state:} and {@code result:}). */
        public Builder methods(MethodRegistry value) {
            this.methods = Objects.requireNonNull(value, "methods is null");
            return this;
        }

        /** Shorthand for {@code methods(methods.with(name, method))}. */
        public Builder method(MethodName name, SelectorMethod method) {
            this.methods = methods.with(name, method);
            return this;
        }

        /**
         * Keep models, snapshots, analyses and singular tests whose file is blank (dbt keeps them for
         * {@code dbt ls} only; by default they are dropped from the result, as for run, build and test).
         */
        public Builder includeEmptyNodes(boolean value) {
            this.includeEmptyNodes = value;
            return this;
        }

        /** Keep only these resource types in the result (a command's own types; dbt's {@code ResourceTypeSelector}). */
        public Builder resourceTypes(Set<ResourceType> value) {
            if (value == null) {
                this.resourceTypes = null;
            } else {
                this.resourceTypes = EnumSet.noneOf(ResourceType.class);
                this.resourceTypes.addAll(value);
            }
            return this;
        }

        public NodeSelector build() {
            return new NodeSelector(this);
        }
    }
}

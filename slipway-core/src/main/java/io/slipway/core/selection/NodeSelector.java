package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.graph.DependencyGraph;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
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
    private final MemberGraph graph;
    private final BitSet kept;
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
        this.graph = new MemberGraph(manifest);
        this.kept = new BitSet(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            ResourceType type = node == null ? ResourceType.SOURCE : node.resourceType();
            if ((resourceTypes == null || resourceTypes.contains(type)) && (includeEmptyNodes || node == null || !isEmptyNode(node))) {
                kept.set(i);
            }
        }
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
        return graph.idSet();
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
            this.context = new SelectionContext(manifest, projectDir, this::dependencyGraph, memo, this::namedSelector);
        }

        private DependencyGraph dependencyGraph() {
            return context.memo(DependencyGraph.class.getName(), () -> {
                Map<String, List<String>> parents = new LinkedHashMap<>();
                for (String id : graph.idSet()) {
                    parents.put(id, manifest.parentMap().getOrDefault(id, List.of()));
                }
                return new DependencyGraph(parents);
            });
        }

        /** dbt's {@code get_selected}: the direct selection, filtered, in manifest order. */
        Set<String> selected(SelectionNode root) {
            BitSet direct = (BitSet) evaluate(root).direct.clone();
            direct.and(kept);
            Set<String> out = new LinkedHashSet<>();
            for (int i = direct.nextSetBit(0); i >= 0; i = direct.nextSetBit(i + 1)) {
                out.add(graph.id(i));
            }
            return out;
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
            BitSet initialDirect = null;
            BitSet indirect = null;
            for (SelectionNode component : group.components()) {
                Bundle b = evaluate(component);
                BitSet both = (BitSet) b.direct.clone();
                both.or(b.indirect);
                if (initialDirect == null) {
                    initialDirect = (BitSet) b.direct.clone();
                    indirect = both;
                } else {
                    combine(group.kind(), initialDirect, b.direct);
                    combine(group.kind(), indirect, both);
                }
            }
            if (initialDirect == null) {
                initialDirect = new BitSet();
                indirect = new BitSet();
            }
            IndirectSelection groupMode = group.indirect() == null ? mode : group.indirect();
            BitSet direct = incorporate(initialDirect, indirect, groupMode);
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
            BitSet collected = graph.toBits(method.search(context, graph.idSet(), criteria));
            BitSet selected = (BitSet) collected.clone();
            selected.or(neighbors(criteria, collected));
            IndirectSelection criteriaMode = criteria.indirect() == null ? mode : criteria.indirect();
            if (criteriaMode == IndirectSelection.EMPTY || criteria.method() == MethodName.SELECTOR) {
                // a referenced selector already applied its own indirect selection and exclusions
                return new Bundle(selected, new BitSet());
            }
            return expand(selected, criteriaMode);
        }

        /** dbt's {@code collect_specified_neighbors}. */
        private BitSet neighbors(SelectionCriteria criteria, BitSet selected) {
            BitSet additional = new BitSet();
            if (criteria.childrensParents()) {
                BitSet ancestorsFor = graph.descendants(selected, -1);
                ancestorsFor.or(selected);
                additional.or(graph.ancestors(ancestorsFor, -1));
                additional.or(ancestorsFor);
            }
            if (criteria.parents()) {
                additional.or(graph.ancestors(selected, depth(criteria.parentsDepth())));
            }
            if (criteria.children()) {
                additional.or(graph.descendants(selected, depth(criteria.childrenDepth())));
            }
            return additional;
        }

        private int depth(Integer depth) {
            return depth == null ? -1 : Math.max(0, depth);
        }

        /** dbt's {@code expand_selection}: tests that depend on the selection. */
        private Bundle expand(BitSet selected, IndirectSelection expandMode) {
            BitSet direct = (BitSet) selected.clone();
            BitSet indirect = new BitSet();
            BitSet selectedAndParents = null;
            if (expandMode == IndirectSelection.BUILDABLE) {
                selectedAndParents = graph.ancestors(selected, -1);
                selectedAndParents.or(selected);
                selectedAndParents.or(graph.sources());
            }
            BitSet candidates = graph.testChildren(selected);
            for (int t = candidates.nextSetBit(0); t >= 0; t = candidates.nextSetBit(t + 1)) {
                if (expandMode == IndirectSelection.EAGER || graph.dependenciesWithin(t, selected, false)) {
                    direct.set(t);
                } else if (expandMode == IndirectSelection.BUILDABLE && graph.dependenciesWithin(t, selectedAndParents, true)) {
                    direct.set(t);
                } else if (expandMode != IndirectSelection.EMPTY) {
                    indirect.set(t);
                }
            }
            return new Bundle(direct, indirect);
        }

        /** dbt's {@code incorporate_indirect_nodes}: pending tests whose parents the combined selection now has. */
        private BitSet incorporate(BitSet direct, BitSet indirect, IndirectSelection groupMode) {
            if (direct.equals(indirect)) {
                return direct;
            }
            BitSet selected = (BitSet) direct.clone();
            if (groupMode == IndirectSelection.CAUTIOUS) {
                for (int t = indirect.nextSetBit(0); t >= 0; t = indirect.nextSetBit(t + 1)) {
                    if (graph.isTest(t) && graph.dependenciesWithin(t, selected, false)) {
                        selected.set(t);
                    }
                }
            } else if (groupMode == IndirectSelection.BUILDABLE) {
                BitSet selectedAndParents = graph.ancestors(selected, -1);
                selectedAndParents.or(selected);
                for (int t = indirect.nextSetBit(0); t >= 0; t = indirect.nextSetBit(t + 1)) {
                    if (graph.isTest(t) && graph.dependenciesWithin(t, selectedAndParents, false)) {
                        selected.set(t);
                    }
                }
            }
            return selected;
        }
    }

    /** Combines {@code next} into {@code acc} by the group's set operation. */
    private static void combine(SelectionGroup.Kind kind, BitSet acc, BitSet next) {
        switch (kind) {
            case UNION -> acc.or(next);
            case INTERSECTION -> acc.and(next);
            case DIFFERENCE -> acc.andNot(next);
        }
    }

    /** The direct selection and the tests held back by cautious or buildable expansion. */
    private record Bundle(BitSet direct, BitSet indirect) {
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

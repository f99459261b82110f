package io.slipway.core.selection;

import java.util.List;
import java.util.Objects;

/**
 * A set operation over selections (dbt's {@code SelectionUnion}, {@code SelectionIntersection} and
 * {@code SelectionDifference}: the first component minus all the others).
 *
 * @param indirect     how tests left pending by cautious or buildable expansion are reconsidered once the
 *                     components are combined; null means the invocation's {@code --indirect-selection}
 * @param expectExists whether an empty result deserves dbt's "does not match any enabled nodes" warning
 *                     (true for each space-separated token the user passed on the command line)
 */
public record SelectionGroup(Kind kind, List<SelectionNode> components, IndirectSelection indirect, boolean expectExists, String raw)
        implements SelectionNode {

    /** The set operation. */
    public enum Kind { UNION, INTERSECTION, DIFFERENCE }

    public SelectionGroup {
        Objects.requireNonNull(kind, "kind is null");
        components = List.copyOf(components);
        raw = raw == null ? "" : raw;
    }
}

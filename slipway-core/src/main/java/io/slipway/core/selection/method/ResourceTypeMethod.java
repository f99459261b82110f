package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.Suggestions;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code resource_type:}: nodes and sources of one resource type ({@code model}, {@code seed}, {@code test}, ...). */
public final class ResourceTypeMethod implements SelectorMethod {
    /** dbt's {@code NodeType} values: all are valid, though Slipway's manifest holds only some. */
    static final List<String> NODE_TYPES = List.of("model", "analysis", "test", "snapshot", "operation", "seed", "rpc",
            "sql_operation", "doc", "source", "macro", "exposure", "metric", "group", "saved_query", "semantic_model",
            "unit_test", "fixture", "function");

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        if (!NODE_TYPES.contains(selector)) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid resource_type selector \"" + selector + "\" in '"
                    + criteria.raw() + "': expected one of " + String.join(", ", NODE_TYPES) + "."
                    + Suggestions.didYouMean(selector, NODE_TYPES));
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType().dbtName().equals(selector)) {
                out.add(node.uniqueId());
            }
        }
        if (selector.equals("source")) {
            for (SourceDefinition source : context.sources(candidates)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }
}

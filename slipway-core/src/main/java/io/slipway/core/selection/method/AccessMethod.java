package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code access:}: models whose access ({@code private}, {@code protected} by default, {@code public}) equals the value. */
public final class AccessMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType() != ResourceType.MODEL) {
                continue;
            }
            Object access = node.config().get("access");
            String level = access == null ? "protected" : access.toString();
            if (level.equals(selector)) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

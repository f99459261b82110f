package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code group:}: nodes whose {@code group} config matches the value (fnmatch). */
public final class GroupMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            Object group = node.config().get("group");
            if (group != null && !group.toString().isEmpty() && Fnmatch.matches(group.toString(), selector)) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

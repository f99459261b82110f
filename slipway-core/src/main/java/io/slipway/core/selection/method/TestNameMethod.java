package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code test_name:}: generic tests whose test ({@code unique}, {@code accepted_values}, the name without its
 * package for {@code dbt_utils.expression_is_true}) matches the value, and unit tests by name (fnmatch).
 */
public final class TestNameMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType() == ResourceType.TEST && node.testMetadata() != null) {
                if (Fnmatch.matches(node.testMetadata().name(), selector)) {
                    out.add(node.uniqueId());
                }
            } else if (node.resourceType() == ResourceType.UNIT_TEST && Fnmatch.matches(node.name(), selector)) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

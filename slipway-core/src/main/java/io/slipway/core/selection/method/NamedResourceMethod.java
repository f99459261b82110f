package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code exposure:}, {@code metric:}, {@code semantic_model:} and {@code saved_query:}: resources of that kind by
 * {@code name} or {@code package.name} (fnmatch). Slipway's manifest has none of these yet, so they match
 * nothing unless a node of that resource type appears; the value's form is still checked as dbt does.
 */
public final class NamedResourceMethod implements SelectorMethod {
    private final String resourceType;
    private final String label;

    /**
     * @param resourceType the dbt resource type name the method selects ({@code exposure})
     * @param label        how messages name it ({@code exposure})
     */
    public NamedResourceMethod(String resourceType, String label) {
        this.resourceType = resourceType;
        this.label = label;
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        String[] parts = selector.split("\\.", -1);
        String pkg = "*";
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            pkg = parts[0];
            name = parts[1];
        } else {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid " + label + " selector value \"" + selector
                    + "\" in '" + criteria.raw() + "': write " + criteria.method().dbtName() + ":<" + label.replace(' ', '_') + "_name> or "
                    + criteria.method().dbtName() + ":<package_name>.<" + label.replace(' ', '_') + "_name>");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType().dbtName().equals(resourceType) && Fnmatch.matches(node.packageName(), pkg)
                    && Fnmatch.matches(node.name(), name)) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code unit_test:}: unit tests by {@code name}, {@code package.name} or {@code package.model.name}
 * (each part fnmatch; the model is the one the unit test tests, the second-to-last part of its fqn).
 */
public final class UnitTestMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        String[] parts = selector.split("\\.", -1);
        String pkg = "*";
        String model = "*";
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                pkg = parts[0];
                name = parts[1];
            }
            case 3 -> {
                pkg = parts[0];
                model = parts[1];
                name = parts[2];
            }
            default -> throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid unit test selector value \"" + selector
                    + "\" in '" + criteria.raw() + "': write unit_test:<unit_test_name>, unit_test:<package_name>.<unit_test_name>"
                    + " or unit_test:<package_name>.<model_name>.<unit_test_name>");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType() != ResourceType.UNIT_TEST) {
                continue;
            }
            List<String> fqn = node.fqn();
            String tested = fqn.size() >= 2 ? fqn.get(fqn.size() - 2) : "";
            if (Fnmatch.matches(node.packageName(), pkg) && Fnmatch.matches(tested, model) && Fnmatch.matches(node.name(), name)) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

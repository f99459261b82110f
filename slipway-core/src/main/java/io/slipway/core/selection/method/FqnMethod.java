package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fqn:} (and the default method for a bare name): the leaf name ({@code stg_orders}), a dotted prefix of
 * the fully qualified name with or without the package ({@code jaffle_shop.staging}, {@code staging.stg_orders}),
 * wildcards from the first segment that has one ({@code staging.stg_*}, {@code *}), and for versioned models
 * {@code name}, {@code name.v2} or {@code name_v2}. Nodes only, not sources.
 */
public final class FqnMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        String[] parts = selector.split("\\.", -1);
        Set<String> out = new LinkedHashSet<>();
        if (selector.equals("*")) {
            // dbt's default selection: "*" matches every fully qualified name
            for (Node node : context.nodes(candidates)) {
                if (!node.fqn().isEmpty()) {
                    out.add(node.uniqueId());
                }
            }
            return out;
        }
        for (Node node : context.nodes(candidates)) {
            boolean versioned = ModelVersions.isVersioned(node);
            List<String> fqn = node.fqn();
            if (isSelected(fqn, selector, parts, versioned)
                    || (fqn.size() > 1 && isSelected(fqn.subList(1, fqn.size()), selector, parts, versioned))) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }

    /** dbt's {@code is_selected_node}. */
    public static boolean isSelected(List<String> fqn, String selector, boolean versioned) {
        return isSelected(fqn, selector, selector.split("\\.", -1), versioned);
    }

    private static boolean isSelected(List<String> fqn, String selector, String[] selectorParts, boolean versioned) {
        if (fqn.isEmpty()) {
            return false;
        }
        int last = fqn.size() - 1;
        if (versioned) {
            if (fqn.size() >= 2) {
                if (fqn.get(last - 1).equals(selector)) {
                    return true;
                }
                String leafPair = fqn.get(last - 1) + "_" + fqn.get(last);
                int from = Math.max(0, selectorParts.length - 2);
                String selectorPair = String.join("_", Arrays.asList(selectorParts).subList(from, selectorParts.length));
                if (leafPair.equals(selectorPair)) {
                    return true;
                }
            }
        } else if (fqn.get(last).equals(selector)) {
            return true;
        }
        // dots in names act as namespace separators
        List<String> flat = fqn;
        for (String segment : fqn) {
            if (segment.indexOf('.') >= 0) {
                flat = new ArrayList<>();
                for (String s : fqn) {
                    flat.addAll(Arrays.asList(s.split("\\.", -1)));
                }
                break;
            }
        }
        if (flat.size() < selectorParts.length) {
            return false;
        }
        for (int i = 0; i < selectorParts.length; i++) {
            String part = selectorParts[i];
            if (Fnmatch.hasWildcard(part)) {
                String rest = String.join(".", flat.subList(i, flat.size()));
                String pattern = String.join(".", Arrays.asList(selectorParts).subList(i, selectorParts.length));
                return Fnmatch.matches(rest, pattern);
            }
            if (!flat.get(i).equals(part)) {
                return false;
            }
        }
        return true;
    }
}

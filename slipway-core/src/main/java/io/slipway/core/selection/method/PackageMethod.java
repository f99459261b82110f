package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code package:}: nodes and sources of the packages matching the value (fnmatch); {@code this} is the root project. */
public final class PackageMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        if (selector.equals("this")) {
            selector = context.rootProject();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (Fnmatch.matches(node.packageName(), selector)) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            if (Fnmatch.matches(source.packageName(), selector)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }
}

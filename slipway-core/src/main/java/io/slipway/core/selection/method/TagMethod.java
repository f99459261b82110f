package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code tag:}: nodes and sources with a tag matching the value (fnmatch, so {@code tag:daily_*} works). */
public final class TagMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (anyMatches(node.tags(), selector)) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            if (anyMatches(source.tags(), selector)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }

    private static boolean anyMatches(List<String> tags, String selector) {
        for (String tag : tags) {
            if (Fnmatch.matches(tag, selector)) {
                return true;
            }
        }
        return false;
    }
}

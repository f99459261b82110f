package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code file:} (and the default method for a value ending in {@code .sql}, {@code .py} or {@code .csv}): nodes
 * and sources whose file name ({@code stg_orders.sql}) or stem ({@code stg_orders}) matches the value (fnmatch).
 */
public final class FileMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (matches(node.originalFilePath(), selector)) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            if (matches(source.originalFilePath(), selector)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }

    private static boolean matches(String originalFilePath, String selector) {
        if (originalFilePath == null) {
            return false;
        }
        String name = ProjectPaths.fileName(originalFilePath);
        return Fnmatch.matches(name, selector) || Fnmatch.matches(ProjectPaths.stem(name), selector);
    }
}

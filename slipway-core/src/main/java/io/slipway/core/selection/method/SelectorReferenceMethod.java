package io.slipway.core.selection.method;

import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code selector:name}: the final selection of the YAML selector {@code name} (with its own excludes and
 * indirect test selection applied), usable with graph operators ({@code selector:nightly+}).
 */
public final class SelectorReferenceMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : context.namedSelector(criteria.valueString())) {
            if (candidates.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}

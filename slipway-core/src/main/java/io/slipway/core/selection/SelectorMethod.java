package io.slipway.core.selection;

import java.util.Set;

/**
 * One selector method ({@code tag:}, {@code path:}, ...): finds, among the candidate unique ids (the enabled
 * nodes and sources of the graph), those the criterion's value matches. Graph operators and indirect test
 * selection are applied by the caller. Implementations are stateless and thread-safe; per-manifest caches go
 * through {@link SelectionContext#memo}.
 */
@FunctionalInterface
public interface SelectorMethod {
    /**
     * @param candidates unique ids the method may return (enabled nodes and sources)
     * @return the matching ids, a subset of {@code candidates}
     * @throws io.slipway.core.error.SlipwayException with {@code SELECTOR_INVALID} when the value is malformed
     */
    Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria);
}

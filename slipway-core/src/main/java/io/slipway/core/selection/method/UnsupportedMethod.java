package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.Set;

/**
 * A dbt method Slipway does not implement yet ({@code state:}, {@code result:}, {@code source_status:}): using it
 * is a {@code SELECTOR_INVALID} error that says so. Replace it in the {@link io.slipway.core.selection.MethodRegistry}
 * with the real method when there is one.
 */
public final class UnsupportedMethod implements SelectorMethod {
    private final String needs;

    /** @param needs what the method compares against, for the message ({@code a previous manifest (--state)}) */
    public UnsupportedMethod(String needs) {
        this.needs = needs;
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String name = criteria.method().dbtName();
        throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "The '" + name + ":' selector method in '" + criteria.raw()
                + "' is not supported yet by Slipway (it needs " + needs + "). Select the nodes another way for now, "
                + "e.g. by name, tag: or path:.");
    }
}

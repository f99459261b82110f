package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.Fnmatch;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code source:}: sources by {@code source_name}, {@code source_name.table} or {@code package.source_name.table}, each part fnmatch. */
public final class SourceMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        String[] parts = selector.split("\\.", -1);
        String pkg = "*";
        String sourceName;
        String table = "*";
        switch (parts.length) {
            case 1 -> sourceName = parts[0];
            case 2 -> {
                sourceName = parts[0];
                table = parts[1];
            }
            case 3 -> {
                pkg = parts[0];
                sourceName = parts[1];
                table = parts[2];
            }
            default -> throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid source selector value \"" + selector
                    + "\" in '" + criteria.raw() + "': write source:<source_name>, source:<source_name>.<table_name> or "
                    + "source:<package_name>.<source_name>.<table_name>");
        }
        Set<String> out = new LinkedHashSet<>();
        for (SourceDefinition source : context.sources(candidates)) {
            if (Fnmatch.matches(source.packageName(), pkg) && Fnmatch.matches(source.sourceName(), sourceName)
                    && Fnmatch.matches(source.name(), table)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }
}

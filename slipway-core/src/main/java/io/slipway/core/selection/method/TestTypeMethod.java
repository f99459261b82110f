package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code test_type:}: {@code generic} (also the legacy {@code schema}), {@code singular}, {@code unit}, or
 * {@code data} (legacy: generic and singular tests).
 */
public final class TestTypeMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        boolean generic;
        boolean singular;
        boolean unit;
        switch (selector) {
            case "generic", "schema" -> {
                generic = true;
                singular = false;
                unit = false;
            }
            case "singular" -> {
                generic = false;
                singular = true;
                unit = false;
            }
            case "data" -> {
                generic = true;
                singular = true;
                unit = false;
            }
            case "unit" -> {
                generic = false;
                singular = false;
                unit = true;
            }
            default -> throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid test type selector \"" + selector
                    + "\" in '" + criteria.raw() + "': expected \"generic\", \"singular\", \"unit\", or \"data\"");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            boolean match = switch (node.resourceType()) {
                case TEST -> node.testMetadata() != null ? generic : singular;
                case UNIT_TEST -> unit;
                default -> false;
            };
            if (match) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

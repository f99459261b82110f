package io.slipway.core.state;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code state:}: nodes and sources by how they compare with the previous run's manifest ({@code --state}):
 * {@code new}, {@code old}, {@code modified}, {@code unmodified}, and {@code modified.body|configs|relation|
 * persisted_descriptions|macros|contract}, as dbt's {@code StateSelectorMethod}.
 */
public final class StateMethod implements SelectorMethod {
    /** The values dbt accepts, in dbt's order. */
    public static final List<String> VALUES = List.of("new", "old", "modified", "unmodified", "modified.body", "modified.configs",
            "modified.persisted_descriptions", "modified.relation", "modified.macros", "modified.contract");

    private final PreviousState state;

    /** @param state the {@code --state} directory, or null when none was given (using the method is then an error) */
    public StateMethod(PreviousState state) {
        this.state = state;
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String value = criteria.valueString();
        if (!VALUES.contains(value)) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Got an invalid selector \"" + value + "\" in '" + criteria.raw()
                    + "', expected one of " + VALUES);
        }
        if (state == null) {
            throw new SlipwayException(ErrorCode.USAGE, "'" + criteria.raw() + "' compares with a previous run, but no --state was given: "
                    + "pass --state with the target directory of that run (or set DBT_STATE)");
        }
        StateComparison comparison = context.memo(StateComparison.class.getName(),
                () -> new StateComparison(context.manifest(), state.manifest()));
        Predicate<NodeChanges> check = switch (value) {
            case "new" -> NodeChanges::isNew;
            case "old" -> c -> !c.isNew();
            case "modified" -> NodeChanges::modified;
            case "unmodified" -> c -> !c.modified();
            default -> c -> c.modified(value.substring("modified.".length()));
        };
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (check.test(comparison.changes(node))) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            if (check.test(comparison.changes(source))) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }
}

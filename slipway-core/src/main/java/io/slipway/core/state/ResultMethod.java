package io.slipway.core.state;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code result:<status>}: nodes whose status in the previous run's {@code run_results.json} ({@code --state})
 * is the value ({@code success}, {@code error}, {@code fail}, {@code warn}, {@code pass}, {@code skipped}, ...),
 * as dbt's {@code ResultSelectorMethod}.
 */
public final class ResultMethod implements SelectorMethod {
    private final PreviousState state;

    /** @param state the {@code --state} directory, or null when none was given (using the method is then an error) */
    public ResultMethod(PreviousState state) {
        this.state = state;
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        if (state == null) {
            throw new SlipwayException(ErrorCode.USAGE, "'" + criteria.raw() + "' selects by a previous run's results, but no --state "
                    + "was given: pass --state with the target directory holding that run's run_results.json (or set DBT_STATE)");
        }
        String status = criteria.valueString();
        Set<String> matches = new HashSet<>();
        for (PreviousRunResults.Result r : state.runResults().results()) {
            if (r.status().equals(status)) {
                matches.add(r.uniqueId());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : candidates) {
            if (matches.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}

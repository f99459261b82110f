package io.slipway.core.selection;

import java.util.List;
import java.util.Objects;

/**
 * One selection criterion: {@code [@][N+]method[.arg...]:value[+N]}.
 *
 * @param method           the method (the default one by dbt's rule when none was written)
 * @param arguments        the dotted arguments after the method name ({@code config.materialized} gives
 *                         {@code [materialized]})
 * @param value            the value to match; a string from the command line, any YAML scalar from selectors.yml
 * @param childrensParents {@code @}: the selected nodes, their descendants, and all ancestors of those
 * @param parents          {@code +} before: ancestors, up to {@code parentsDepth} steps (null = all)
 * @param children         {@code +} after: descendants, up to {@code childrenDepth} steps (null = all)
 * @param indirect         the indirect selection of tests for this criterion; null means the invocation's
 *                         {@code --indirect-selection}
 */
public record SelectionCriteria(String raw, MethodName method, List<String> arguments, Object value,
                                boolean childrensParents, boolean parents, Integer parentsDepth,
                                boolean children, Integer childrenDepth, IndirectSelection indirect)
        implements SelectionNode {

    public SelectionCriteria {
        raw = raw == null ? "" : raw;
        Objects.requireNonNull(method, "method is null");
        arguments = List.copyOf(arguments);
    }

    /** The value as Python's {@code str()} would print it ({@code True}, {@code 5}, text as is). */
    public String valueString() {
        return PyValues.str(value);
    }
}

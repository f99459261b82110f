/**
 * dbt's node selection (dbt-core 1.x {@code core/dbt/graph}): the selector grammar ({@code +x}, {@code x+2},
 * {@code @x}, {@code method:value}, space for union, comma for intersection, {@code --exclude}), the selector
 * methods, YAML selectors, and indirect selection of tests.
 *
 * <ul>
 *   <li>{@link io.slipway.core.selection.NodeSelector}: the entry point; {@code select(SelectionSpec)} gives the
 *       selected unique ids, {@code evaluate(SelectionSpec)} also dbt's warnings.</li>
 *   <li>{@link io.slipway.core.selection.SelectorParser}: command-line arguments to a
 *       {@link io.slipway.core.selection.SelectionNode} tree.</li>
 *   <li>{@link io.slipway.core.selection.YamlSelectors}: {@code selectors.yml}, validated.</li>
 *   <li>{@link io.slipway.core.selection.MethodRegistry}: the methods by
 *       {@link io.slipway.core.selection.MethodName}, one class each in {@code selection.method}; {@code state:} and
 *       {@code result:} need the previous run, so the invocation registers them ({@code state.StateMethod},
 *       {@code state.ResultMethod}); {@code source_status:} is "not supported yet".</li>
 * </ul>
 */
package io.slipway.core.selection;

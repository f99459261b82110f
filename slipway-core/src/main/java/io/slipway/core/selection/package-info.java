/**
 * dbt's node selection: the selector grammar ({@code +x}, {@code x+2}, {@code @x}, {@code method:value},
 * space for union, comma for intersection, {@code --exclude}), the selector methods, YAML selectors, and
 * indirect selection of tests.
 */
package io.slipway.core.selection;

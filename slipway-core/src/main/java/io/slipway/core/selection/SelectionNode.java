package io.slipway.core.selection;

/**
 * A parsed selection: one criterion ({@link SelectionCriteria}) or a set operation over others
 * ({@link SelectionGroup}). Built from {@code --select}/{@code --exclude} arguments by {@link SelectorParser}
 * or from {@code selectors.yml} by {@link YamlSelectors}; evaluated by {@link NodeSelector}. Immutable.
 */
public sealed interface SelectionNode permits SelectionCriteria, SelectionGroup {
    /** What the user wrote, for messages. */
    String raw();
}

package io.slipway.core.template;

import java.util.function.Supplier;

/**
 * A node-context value computed on first lookup ({@link NodeGlobals} replaces it with the result):
 * most renders never read {@code model} or the test arguments, and building them for every one of tens
 * of thousands of nodes is wasted work.
 */
public record LazyValue(Supplier<Object> supplier) {
}

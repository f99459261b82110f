/**
 * Running commands: an {@link io.slipway.core.execution.Invocation} loads the project, parses it, selects
 * nodes and runs one task per command, scheduling nodes along the graph on a pool of threads. It can be
 * observed through events, cancelled (warehouse statements too), and read for its artifacts.
 */
package io.slipway.core.execution;

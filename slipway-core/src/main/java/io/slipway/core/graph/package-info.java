/** The dependency graph of a manifest: cycle detection, ancestors and descendants, and the scheduling queue that runs nodes as their parents finish. */
package io.slipway.core.graph;

/** Timed runs of the engine on generated projects: where the time of a build goes. */
package io.slipway.bench.engine;

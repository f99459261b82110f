/** JMH benchmarks of slipway-jinja; see {@code bench/README.md}. */
package io.slipway.bench;

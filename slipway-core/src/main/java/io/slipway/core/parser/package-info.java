/**
 * Parsing a project into a {@link io.slipway.core.manifest.Manifest}: macros and docs first, then
 * properties files, then models, seeds, tests and snapshots, each rendered once at parse time to capture
 * refs, sources and config calls; then refs are resolved and the graph checked for cycles.
 */
package io.slipway.core.parser;

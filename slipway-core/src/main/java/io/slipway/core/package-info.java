/**
 * The dbt-compatible engine: loads a project, parses it into a manifest, selects nodes, and executes one
 * task per command against a warehouse adapter. No HTTP; the CLI and the server both drive it through
 * {@link io.slipway.core.execution.Invocation}.
 */
package io.slipway.core;

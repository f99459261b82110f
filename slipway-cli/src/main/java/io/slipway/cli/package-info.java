/** The {@code slipway} command line: parses dbt's commands and flags, runs an invocation, prints its events. */
package io.slipway.cli;

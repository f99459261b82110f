/**
 * Comparison with a previous run ({@code --state DIR}), as dbt-core 1.x does it: the previous manifest and
 * run results as records ({@link io.slipway.core.state.StateManifest}, {@link io.slipway.core.state.PreviousRunResults},
 * read by {@code artifacts.ManifestReader} and {@code artifacts.RunResultsReader}), dbt's {@code same_*} rules
 * ({@link io.slipway.core.state.StateComparison}), and the selector methods {@code state:} and {@code result:}.
 *
 * <p>Where Slipway departs from dbt, on purpose:
 * <ul>
 *   <li>The engine's own macros (package {@code dbt} and the adapter's {@code dbt_<adapter>}) are not compared:
 *       they are Slipway's implementation, not the project's code, and a manifest written by dbt-core holds
 *       dbt's. dbt compares them, so upgrading dbt marks nodes modified.</li>
 *   <li>Raw code is compared with surrounding whitespace stripped (dbt strips files when it reads them; Slipway
 *       keeps the text as written).</li>
 *   <li>Source configs, quoting and freshness ignore keys whose value is null or empty, and {@code meta}/{@code tags},
 *       so manifests from dbt 1.10.5+ (which moved them into source config, dbt-core#11853) compare with older ones.</li>
 * </ul>
 */
package io.slipway.core.state;

/** dbt's artifacts in dbt's own formats: {@code manifest.json} (v12) and {@code run_results.json} (v6). */
package io.slipway.core.artifacts;

/**
 * Data diff: what a change does to the data, by primary key. {@link io.slipway.diff.DataDiff} compares two
 * relations ({@link io.slipway.diff.DiffTarget}s) with the {@link io.slipway.diff.DiffOptions} given and
 * returns a {@link io.slipway.diff.report.TableDiff}: row counts, key checks, rows added, removed and
 * changed, per-column changed counts and match rates, the schema diff and sample rows. Both relations in
 * one warehouse: a join diff ({@code join}); in two: a hash diff ({@code hash}). Depends on the adapter
 * API only; see {@code docs/diff.md}.
 */
package io.slipway.diff;

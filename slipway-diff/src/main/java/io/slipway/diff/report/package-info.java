/**
 * Diff results as immutable records ({@link io.slipway.diff.report.TableDiff} and its parts) and their
 * renderings: {@link io.slipway.diff.report.JsonReport} (the documented schema),
 * {@link io.slipway.diff.report.TextReport} and {@link io.slipway.diff.report.MarkdownReport}.
 */
package io.slipway.diff.report;

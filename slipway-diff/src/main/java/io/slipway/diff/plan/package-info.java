/**
 * What is compared: column types classified across warehouses ({@link io.slipway.diff.plan.SqlType}), the
 * common form two columns are compared in ({@link io.slipway.diff.plan.Comparison}), and the pairing of
 * the two relations' columns with the schema diff ({@link io.slipway.diff.plan.ColumnMatcher}).
 */
package io.slipway.diff.plan;

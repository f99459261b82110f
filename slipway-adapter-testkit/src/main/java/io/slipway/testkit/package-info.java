/**
 * What adapters' tests share: {@link io.slipway.testkit.AdapterConformanceSuite}, the behaviour every
 * adapter must show, run in-process by {@link io.slipway.testkit.SlipwayRunner} on projects a test writes
 * ({@link io.slipway.testkit.TestProject}) and read back through the adapter ({@link io.slipway.testkit.Warehouse}).
 */
package io.slipway.testkit;

/**
 * The selector methods, one class each, registered by {@link io.slipway.core.selection.MethodRegistry} under
 * their {@link io.slipway.core.selection.MethodName}. Each follows dbt-core's {@code selector_methods.py}.
 */
package io.slipway.core.selection.method;

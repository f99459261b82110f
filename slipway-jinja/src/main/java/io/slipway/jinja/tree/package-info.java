/**
 * The parsed template: an immutable tree of statements and expressions that renders itself. Shared by
 * every render of a template, from any number of threads; all per-render state lives in
 * {@link io.slipway.jinja.runtime.Frame}s and {@link io.slipway.jinja.runtime.RenderState}.
 */
package io.slipway.jinja.tree;

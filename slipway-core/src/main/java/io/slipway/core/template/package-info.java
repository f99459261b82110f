/**
 * Jinja with dbt's context: the environment and its block tags, the macro index with dbt's resolution
 * order, relations, {@code ref}/{@code source}/{@code config}/{@code var}/{@code env_var}, the
 * {@code adapter} object, {@code modules}, and the per-node globals a template is rendered with.
 */
package io.slipway.core.template;

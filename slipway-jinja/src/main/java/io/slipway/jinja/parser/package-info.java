/**
 * Jinja2's parser: the grammar, operator precedence and syntax errors of Jinja2 3.1, and the checks its
 * compiler makes (unknown filters and tests, assignments to {@code loop}, the names each scope binds).
 * Produces the immutable tree of {@link io.slipway.jinja.tree}.
 */
package io.slipway.jinja.parser;

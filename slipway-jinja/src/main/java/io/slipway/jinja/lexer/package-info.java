/**
 * Jinja2's lexer: splits a template into text, tags and expression tokens with Jinja2's whitespace
 * control ({@code -}/{@code +} markers, {@code trim_blocks}, {@code lstrip_blocks}), raw blocks, comments
 * and Python literals.
 */
package io.slipway.jinja.lexer;

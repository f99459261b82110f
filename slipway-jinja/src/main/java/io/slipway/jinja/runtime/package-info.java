/** The renderer and Python's value semantics: operators, printing, truthiness, attribute and item access. */
package io.slipway.jinja.runtime;

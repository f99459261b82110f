/**
 * A Jinja2 3.1 template engine with Python's value semantics, as dbt configures Jinja2: public API.
 *
 * <p>Values follow Python: {@code str} is {@link java.lang.String}, {@code int} is {@link java.lang.Long}
 * (any integral {@link java.lang.Number} is accepted), {@code float} is {@link java.lang.Double},
 * {@code bool} is {@link java.lang.Boolean}, {@code None} is Java {@code null}, {@code list} is a mutable
 * {@link java.util.List}, {@code tuple} is {@link io.slipway.jinja.PyTuple}, {@code dict} is a
 * {@link java.util.Map} keeping insertion order. Undefined names are {@link io.slipway.jinja.Undefined}.
 * Host objects expose attributes through {@link io.slipway.jinja.PyObject} and are called through
 * {@link io.slipway.jinja.JinjaCallable}.
 */
package io.slipway.jinja;

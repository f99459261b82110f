package io.slipway.jinja;

/** How a template treats names and attributes that do not exist. */
public enum UndefinedMode {
    /** Jinja2's {@code Undefined}: prints as empty, is falsy, iterates as empty; attribute access, calls and arithmetic raise. What dbt renders with. */
    DEFAULT,
    /** Jinja2's {@code StrictUndefined}: any use other than {@code is defined} raises {@code UndefinedError}. */
    STRICT,
    /** dbt's parse-time capture mode: attribute access, item access and calls return the undefined itself; prints as empty. */
    CHAINABLE
}

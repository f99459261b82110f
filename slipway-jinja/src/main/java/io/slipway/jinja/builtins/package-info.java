/** Jinja2's built-in filters, tests and global functions, and the methods of Python's str, list and dict. */
package io.slipway.jinja.builtins;

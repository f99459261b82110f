/**
 * The Jinja2 conformance suite: renders every case of {@code src/test/resources/conformance} with
 * slipway-jinja in the same harness environment the golden generator builds in Python, and compares with
 * the golden files byte for byte. See {@code src/test/resources/conformance/README.md}.
 */
package io.slipway.jinja.conformance;

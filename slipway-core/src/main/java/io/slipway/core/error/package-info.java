/** Errors with stable codes, a location (file and line) and what to do about them. */
package io.slipway.core.error;

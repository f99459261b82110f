/** What an invocation reports while it runs: typed events with stable codes, for the console, JSON logs and the server. */
package io.slipway.core.event;

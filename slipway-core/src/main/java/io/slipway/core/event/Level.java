package io.slipway.core.event;

/** Event levels, as dbt logs them. */
public enum Level {
    DEBUG, INFO, WARN, ERROR
}

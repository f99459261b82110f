package io.slipway.adapter;

/** Stable codes of adapter errors; the CLI and the server report them by name. */
public enum AdapterErrorCode {
    /** A profile setting is missing or invalid. */
    INVALID_PROFILE,
    /** The warehouse could not be reached or refused the connection (host, credentials, database). */
    CONNECTION_FAILED,
    /** A statement failed in the warehouse. */
    DATABASE_ERROR,
    /** A statement was cancelled. */
    CANCELLED,
    /** The adapter does not support the operation. */
    NOT_SUPPORTED
}

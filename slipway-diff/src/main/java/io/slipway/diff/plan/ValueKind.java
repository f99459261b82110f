package io.slipway.diff.plan;

/** The families of column types the diff knows how to bring to one form. */
public enum ValueKind {
    INTEGER, BOOLEAN, DECIMAL, FLOAT, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TEXT, UUID,
    /** Anything else (intervals, JSON, lists, blobs): compared by its text in one warehouse only. */
    OTHER
}

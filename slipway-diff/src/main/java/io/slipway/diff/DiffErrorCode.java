package io.slipway.diff;

/** Stable codes of diff failures; the CLI prints the name and exits 1 (2 for {@link #USAGE}). */
public enum DiffErrorCode {
    /** An option or argument is invalid. */
    USAGE,
    /** A relation does not exist. */
    MISSING_RELATION,
    /** A key column is not in a relation. */
    MISSING_KEY_COLUMN,
    /** A column named in {@code --columns} or the rename map is not in a relation. */
    MISSING_COLUMN,
    /** A relation has rows sharing a primary key. */
    DUPLICATE_KEYS,
    /** A relation has rows with a NULL in the primary key. */
    NULL_KEYS,
    /** Two columns to compare have types with no common form (text against a number, say). */
    INCOMPARABLE_TYPES,
    /** The warehouse failed. */
    DATABASE_ERROR,
    /** The diff was cancelled. */
    CANCELLED
}

package io.slipway.diff;

/** How two relations are compared. */
public enum Algorithm {
    /** Join diff when both relations are in one warehouse, hash diff otherwise. */
    AUTO,
    /** One FULL OUTER JOIN on the key inside the warehouse. */
    JOIN,
    /** Checksums of key ranges on each side, bisected where they differ. */
    HASH
}

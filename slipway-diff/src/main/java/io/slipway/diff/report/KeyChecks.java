package io.slipway.diff.report;

/**
 * What the key checks found on both sides.
 *
 * @param leftNullKeys       left rows with a NULL in a key column (left out of the comparison when allowed)
 * @param rightNullKeys      right rows with a NULL in a key column
 * @param leftDuplicateRows  left rows beyond the first for a key, or null when not checked
 * @param rightDuplicateRows right rows beyond the first for a key, or null when not checked
 */
public record KeyChecks(long leftNullKeys, long rightNullKeys, Long leftDuplicateRows, Long rightDuplicateRows) {
}

package io.slipway.diff.report;

/**
 * Row counts of one diff. Left is production, right is the change: rows only on the left are removed,
 * rows only on the right are added. The by-key counts are null when there was no key to match rows by.
 *
 * @param left      rows in the left relation (after {@code --where})
 * @param right     rows in the right relation
 * @param added     keys only on the right
 * @param removed   keys only on the left
 * @param changed   keys on both sides with at least one compared value different
 * @param unchanged keys on both sides with every compared value equal
 */
public record RowCounts(long left, long right, Long added, Long removed, Long changed, Long unchanged) {
    /** Whether rows were added, removed or changed. */
    public boolean anyDifference() {
        return positive(added) || positive(removed) || positive(changed) || (added == null && left != right);
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }
}

package io.slipway.diff.hash;

import java.util.List;
import java.util.Map;

/** How a relation's keys are cut into buckets, and buckets into smaller ones. */
interface KeySpace {
    /** The first round: every row, in buckets of about {@code rows} rows. */
    Level first(long rows);

    /**
     * The next round: the given buckets of {@code level} cut into pieces of about {@code rows} rows each,
     * using at most {@code factor} pieces per bucket.
     *
     * @param sizes per bucket to split, the larger side's row count
     */
    Level split(Level level, Map<Long, Long> sizes, long rows, int factor);
}

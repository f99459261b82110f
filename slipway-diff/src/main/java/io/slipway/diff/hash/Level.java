package io.slipway.diff.hash;

import java.util.List;

/**
 * The buckets of one round of checksums: how a row's bucket is computed on a side, and which rows take part.
 * Bucket ids grow with the key, so taking the first few mismatching buckets takes the smallest keys.
 */
interface Level {
    /** How many pieces the level's rows can be queried in (at most {@code wanted}), for parallel queries. */
    int chunks(int wanted);

    /** The bucket of a row (a bigint expression) within chunk {@code chunk} of {@code chunks}. */
    String bucket(HashSide side, int chunk, int chunks);

    /** The condition selecting the rows of chunk {@code chunk} of {@code chunks}, or null for all rows. */
    String filter(HashSide side, int chunk, int chunks);

    /** The condition selecting the rows of these buckets (sorted ids). */
    String only(HashSide side, List<Long> buckets);

    /** Whether a bucket can be split into smaller ones. */
    boolean splittable(long bucket);
}

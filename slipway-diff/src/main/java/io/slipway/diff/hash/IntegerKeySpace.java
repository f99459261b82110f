package io.slipway.diff.hash;

import io.slipway.diff.plan.ColumnPair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Buckets of a single whole-number key (integers, dates as days, decimals of scale 0) by arithmetic:
 * bucket = (key - origin) / 2^shift. No sort and no bound list is needed, so the first round can have
 * tens of thousands of buckets at no cost beyond the grouping, and sparse keys cost nothing (empty
 * buckets do not exist). Widths are powers of two, so a bucket's pieces nest exactly inside it.
 */
final class IntegerKeySpace implements KeySpace {
    private final ColumnPair key;
    private final long origin;
    /** max - origin + 1, below 2^62. */
    private final long span;
    private final long rows;

    /**
     * @param rows the larger side's row count
     */
    IntegerKeySpace(ColumnPair key, long min, long max, long rows) {
        this.key = key;
        this.origin = min;
        this.span = max - min + 1;
        this.rows = Math.max(1, rows);
    }

    /** Whether keys from min to max fit the arithmetic without overflow. */
    static boolean fits(long min, long max) {
        return min <= max && (double) max - (double) min < 4.0e18;
    }

    @Override
    public Level first(long rowsPerBucket) {
        double width = (double) rowsPerBucket * span / rows;
        int shift = 0;
        while (shift < 62 && Math.pow(2, shift + 1) <= width) {
            shift++;
        }
        return new ArithmeticLevel(shift, -1, null);
    }

    @Override
    public Level split(Level level, Map<Long, Long> sizes, long rowsPerBucket, int factor) {
        ArithmeticLevel parent = (ArithmeticLevel) level;
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElse(1);
        long pieces = Math.max(2, Math.min(factor, (largest + rowsPerBucket - 1) / rowsPerBucket));
        int bits = 64 - Long.numberOfLeadingZeros(pieces - 1);
        return new ArithmeticLevel(Math.max(0, parent.shift - bits), parent.shift, new ArrayList<>(new TreeSet<>(sizes.keySet())));
    }

    private String offset(HashSide side) {
        return "(" + side.sql().canonical(key) + " - " + origin + ")";
    }

    /**
     * @param parents the buckets of the previous level (at {@code parentShift}) this level covers; null for all rows
     */
    private final class ArithmeticLevel implements Level {
        private final int shift;
        private final int parentShift;
        private final List<Long> parents;

        ArithmeticLevel(int shift, int parentShift, List<Long> parents) {
            this.shift = shift;
            this.parentShift = parentShift;
            this.parents = parents;
        }

        private long bucketCount() {
            return ((span - 1) >> shift) + 1;
        }

        @Override
        public int chunks(int wanted) {
            long units = parents == null ? bucketCount() : parents.size();
            return (int) Math.max(1, Math.min(wanted, units));
        }

        @Override
        public String bucket(HashSide side, int chunk, int chunks) {
            return shift == 0 ? offset(side) : side.dialect().intDiv(offset(side), Long.toString(1L << shift));
        }

        @Override
        public String filter(HashSide side, int chunk, int chunks) {
            if (parents == null) {
                if (chunks == 1) {
                    return null;
                }
                long total = bucketCount();
                long from = total * chunk / chunks;
                long to = total * (chunk + 1) / chunks;
                return range(side, from, to, shift);
            }
            int from = parents.size() * chunk / chunks;
            int to = parents.size() * (chunk + 1) / chunks;
            return in(side, parents.subList(from, to), parentShift);
        }

        @Override
        public String only(HashSide side, List<Long> buckets) {
            return in(side, buckets, shift);
        }

        @Override
        public boolean splittable(long bucket) {
            return shift > 0;
        }

        private String in(HashSide side, List<Long> buckets, int atShift) {
            String bucket = atShift == 0 ? offset(side) : side.dialect().intDiv(offset(side), Long.toString(1L << atShift));
            return range(side, buckets.get(0), buckets.get(buckets.size() - 1) + 1, atShift) + " and " + side.dialect().inNumbers(bucket, buckets);
        }

        /** Keys in buckets [from, to) at a shift, as a plain range the warehouse can prune on. */
        private String range(HashSide side, long from, long to, int atShift) {
            String k = side.sql().canonical(key);
            long lo = origin + (from << atShift);
            String upper = (double) to * Math.pow(2, atShift) >= span ? null : Long.toString(origin + (to << atShift));
            return k + " >= " + lo + (upper == null ? "" : " and " + k + " < " + upper);
        }
    }
}

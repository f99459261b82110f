package io.slipway.diff.hash;

import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.sql.Dialect;
import io.slipway.diff.sql.SideSql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buckets of any key (text, timestamps, decimals, composite keys) by ranges between quantiles of the key,
 * so each holds about the same number of rows however the keys are spread. The quantiles come from one
 * side (a sample of it when it is large); both sides then use the same bounds. A row's bucket is found by
 * a binary search written as nested CASE expressions, comparing key tuples lexicographically with text in
 * byte order, the same on every warehouse.
 */
final class RangeKeySpace implements KeySpace {
    /** The most ranges in one round, to keep the SQL small. */
    static final int MAX_RANGES = 1024;
    /** Above this many rows the first quantiles come from a sample of about {@link #SAMPLE_ROWS} rows. */
    private static final long SAMPLE_ABOVE = 1_000_000;
    private static final long SAMPLE_ROWS = 200_000;

    private final List<ColumnPair> keys;
    private final HashSide source;
    private final long sourceRows;

    /**
     * @param source     the side the quantiles are taken from (the one with more rows)
     * @param sourceRows its row count
     */
    RangeKeySpace(List<ColumnPair> keys, HashSide source, long sourceRows) {
        this.keys = keys;
        this.source = source;
        this.sourceRows = sourceRows;
    }

    /** A key range [lo, hi); a null bound is open. Bounds are the key's values as text, one per key column. */
    record Range(List<String> lo, List<String> hi) {
    }

    @Override
    public Level first(long rowsPerBucket) {
        long ranges = Math.min(MAX_RANGES, Math.max(1, (sourceRows + rowsPerBucket - 1) / rowsPerBucket));
        List<Range> out = new ArrayList<>();
        if (ranges <= 1) {
            out.add(new Range(null, null));
            return new RangeLevel(out, java.util.Set.of());
        }
        SideSql s = source.sql();
        double percent = sourceRows > SAMPLE_ABOVE ? Math.max(0.001, 100.0 * SAMPLE_ROWS / sourceRows) : 100;
        long expected = percent >= 100 ? sourceRows : (long) (sourceRows * percent / 100);
        long step = Math.max(1, expected / ranges);
        String from = s.relation() + (percent >= 100 ? "" : s.dialect().sample(percent));
        String sql = "select " + texts(s) + " from (select *, row_number() over (order by " + ordered(s) + ") as __rn from (select "
                + comparables(s) + " from " + from + SideSql.whereClause(s.baseFilter(keys, true)) + ") q) s where __rn % " + step
                + " = 0 order by __rn";
        List<List<String>> bounds = distinct(source.query(sql));
        List<String> previous = null;
        for (List<String> bound : bounds) {
            out.add(new Range(previous, bound));
            previous = bound;
        }
        out.add(new Range(previous, null));
        return new RangeLevel(out, java.util.Set.of());
    }

    @Override
    public Level split(Level level, Map<Long, Long> sizes, long rowsPerBucket, int factor) {
        RangeLevel parent = (RangeLevel) level;
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElse(1);
        long pieces = Math.max(2, Math.min(factor, (largest + rowsPerBucket - 1) / rowsPerBucket));
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(sizes.keySet()));
        SideSql s = source.sql();
        String bucket = parent.caseOf(source, ids);
        String sql = "select __b, " + texts(s) + " from (select *, row_number() over (partition by __b order by " + ordered(s)
                + ") as __rn, count(*) over (partition by __b) as __c from (select " + bucket + " as __b, " + comparables(s) + " from "
                + s.relation() + SideSql.whereClause(SideSql.and(s.baseFilter(keys, true), bucket + " is not null")) + ") q) s where __rn % "
                + "greatest(1, " + s.dialect().intDiv("__c", Long.toString(pieces)) + ") = 0 and __rn < __c order by __b, __rn";
        Map<Long, List<List<String>>> cuts = new TreeMap<>();
        for (List<Object> row : source.query(sql)) {
            List<String> bound = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                bound.add(String.valueOf(row.get(1 + i)));
            }
            cuts.computeIfAbsent(((Number) row.get(0)).longValue(), k -> new ArrayList<>()).add(bound);
        }
        List<Range> out = new ArrayList<>();
        java.util.Set<Long> whole = new java.util.HashSet<>();
        for (long id : ids) {
            Range r = parent.ranges.get((int) id);
            List<String> lo = r.lo();
            int before = out.size();
            for (List<String> cut : distinct(cuts.getOrDefault(id, List.of()))) {
                if (!cut.equals(lo)) {
                    out.add(new Range(lo, cut));
                    lo = cut;
                }
            }
            if (out.size() == before) {
                // no cut (the other side holds this range's rows): compare it row by row next round
                whole.add((long) out.size());
            }
            out.add(new Range(lo, r.hi()));
        }
        return new RangeLevel(out, whole);
    }

    private static List<List<String>> distinct(List<? extends List<?>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<?> row : rows) {
            List<String> bound = row.stream().map(String::valueOf).toList();
            if (out.isEmpty() || !out.get(out.size() - 1).equals(bound)) {
                out.add(bound);
            }
        }
        return out;
    }

    private String comparables(SideSql s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(s.strictComparable(keys.get(i)) + " as __q" + i);
        }
        return String.join(", ", out);
    }

    private String texts(SideSql s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add("cast(__q" + i + " as " + s.dialect().textType() + ")");
        }
        return String.join(", ", out);
    }

    private String ordered(SideSql s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(s.ordered(keys.get(i), "__q" + i));
        }
        return String.join(", ", out);
    }

    /** The ranges of one round; a bucket id is a range's index. */
    private final class RangeLevel implements Level {
        private final List<Range> ranges;
        /** Ranges that could not be cut further. */
        private final java.util.Set<Long> whole;

        RangeLevel(List<Range> ranges, java.util.Set<Long> whole) {
            this.ranges = List.copyOf(ranges);
            this.whole = java.util.Set.copyOf(whole);
        }

        @Override
        public int chunks(int wanted) {
            return Math.max(1, Math.min(wanted, ranges.size()));
        }

        private List<Long> chunk(int chunk, int chunks) {
            List<Long> ids = new ArrayList<>();
            for (long i = (long) ranges.size() * chunk / chunks; i < (long) ranges.size() * (chunk + 1) / chunks; i++) {
                ids.add(i);
            }
            return ids;
        }

        @Override
        public String bucket(HashSide side, int chunk, int chunks) {
            return caseOf(side, chunk(chunk, chunks));
        }

        @Override
        public String filter(HashSide side, int chunk, int chunks) {
            if (chunks == 1 && ranges.size() == 1 && ranges.get(0).lo() == null && ranges.get(0).hi() == null) {
                return null;
            }
            return caseOf(side, chunk(chunk, chunks)) + " is not null";
        }

        @Override
        public String only(HashSide side, List<Long> buckets) {
            return caseOf(side, buckets) + " is not null";
        }

        @Override
        public boolean splittable(long bucket) {
            return !whole.contains(bucket);
        }

        /** The id of the range among {@code ids} holding a row's key, or NULL: a binary search over the ranges' bounds. */
        String caseOf(HashSide side, List<Long> ids) {
            // segments: [lower bound, id or null for a gap], each up to the next one's bound
            List<List<String>> lowers = new ArrayList<>();
            List<Long> segmentIds = new ArrayList<>();
            List<String> end = null;
            boolean first = true;
            for (long id : ids) {
                Range r = ranges.get((int) id);
                if (first) {
                    if (r.lo() != null) {
                        lowers.add(null);
                        segmentIds.add(null);
                    }
                } else if (end == null || !end.equals(r.lo())) {
                    lowers.add(end);
                    segmentIds.add(null);
                }
                lowers.add(r.lo());
                segmentIds.add(id);
                end = r.hi();
                first = false;
            }
            if (end != null) {
                lowers.add(end);
                segmentIds.add(null);
            }
            return search(side.sql(), lowers, segmentIds, 0, lowers.size() - 1);
        }

        private String search(SideSql s, List<List<String>> lowers, List<Long> ids, int from, int to) {
            if (from == to) {
                return ids.get(from) == null ? "cast(null as bigint)" : "cast(" + ids.get(from) + " as bigint)";
            }
            int mid = (from + to + 1) / 2;
            return "case when " + lessThan(s, lowers.get(mid)) + " then " + search(s, lowers, ids, from, mid - 1) + " else "
                    + search(s, lowers, ids, mid, to) + " end";
        }

        /** The row's key tuple is below the bound, lexicographically. */
        private String lessThan(SideSql s, List<String> bound) {
            return lessThan(s, bound, 0);
        }

        private String lessThan(SideSql s, List<String> bound, int i) {
            ColumnPair k = keys.get(i);
            Dialect d = s.dialect();
            String column = s.ordered(k, s.strictComparable(k));
            String literal = d.typedLiteral(k.comparison(), bound.get(i));
            if (i == keys.size() - 1) {
                return "(" + column + " < " + literal + ")";
            }
            return "(" + column + " < " + literal + " or (" + column + " = " + literal + " and " + lessThan(s, bound, i + 1) + "))";
        }
    }
}

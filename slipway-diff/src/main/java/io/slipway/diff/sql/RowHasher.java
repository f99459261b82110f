package io.slipway.diff.sql;

import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-row hash both warehouses compute identically, and the segment checksum built from it.
 *
 * <p>Where both sides are DuckDB, the row hash is DuckDB's own {@code hash()} of the canonical values.
 * Otherwise (the portable form) numbers, booleans and dates stay numbers: each is reduced modulo the prime
 * p = 2^31 - 1 and weighted by a constant per column, which costs a few integer operations instead of a
 * text conversion. Text-like values (text, timestamps, wide decimals) are joined with separators and
 * hashed once per row: md5 across warehouses (60 of its bits), PostgreSQL's {@code hashtextextended}
 * between two PostgreSQL servers. Two independent weighted sums y1, y2 go through a cubic
 * h(y) = (y^3 + c*y) mod p, which makes the row hash non-linear, so swapping values between rows changes
 * the sum. A segment's checksum is (count, sum h1, sum h2): about 62 bits, order-independent.
 * All intermediate values stay below 2^63, so no warehouse overflows or rounds.
 */
public final class RowHasher {
    /** The modulus, 2^31 - 1 (prime), so products of two residues fit a bigint. */
    static final long P = 2147483647L;
    private static final long C1 = 1_103_515_245L;
    private static final long C2 = 1_664_525L;

    /** How rows are hashed for a pair of warehouses. */
    public enum Mode {
        /** md5 of text and modular arithmetic: identical on any two warehouses. */
        PORTABLE,
        /** As portable, but text hashed with PostgreSQL's {@code hashtextextended}: both sides PostgreSQL. */
        POSTGRES_NATIVE,
        /** DuckDB's {@code hash()} of all canonical values: both sides DuckDB. */
        DUCKDB_NATIVE
    }

    private final Mode mode;
    private final List<ColumnPair> pairs;

    public RowHasher(Mode mode, List<ColumnPair> pairs) {
        this.mode = mode;
        this.pairs = List.copyOf(pairs);
    }

    /** The fastest mode both dialects compute identically. */
    public static Mode choose(Dialect left, Dialect right, boolean portable) {
        if (!portable && left.name().equals(right.name())) {
            return left instanceof DuckDbDialect ? Mode.DUCKDB_NATIVE : Mode.POSTGRES_NATIVE;
        }
        return Mode.PORTABLE;
    }

    public Mode mode() {
        return mode;
    }

    /** How many sums a checksum has besides the count. */
    public int sums() {
        return mode == Mode.DUCKDB_NATIVE ? 1 : 2;
    }

    /**
     * A query giving (bucket, count, sums...) per bucket for one side.
     *
     * @param d      the side's dialect
     * @param left   whether this is the left side (picks the left column names)
     * @param from   the relation, quoted
     * @param where  the row filter (user's condition, key range, bucket filter), or null
     * @param bucket the bucket expression (a bigint), or null for one bucket
     */
    public String checksumQuery(Dialect d, boolean left, String from, String where, String bucket) {
        String rows = rowHashes(d, left, from, where, List.of((bucket == null ? "0" : bucket) + " as __b"));
        if (mode == Mode.DUCKDB_NATIVE) {
            return "select __b, count(*), sum(__h) from (" + rows + ") s group by __b";
        }
        return "select __b, count(*), sum(" + cubic("__y1", C1) + "), sum(" + cubic("__y2", C2) + ") from (" + rows + ") s group by __b";
    }

    /**
     * A query giving each row's {@code extra} items followed by its hash (one bigint natively on DuckDB, the two
     * weighted sums y1, y2 otherwise): rows with equal hashes are equal.
     *
     * @param extra select items evaluated per row (they may name the relation's columns), each with an alias
     */
    public String rowHashes(Dialect d, boolean left, String from, String where, List<String> extra) {
        String filter = where == null ? "" : " where " + where;
        List<String> aliases = extra.stream().map(RowHasher::alias).toList();
        if (mode == Mode.DUCKDB_NATIVE) {
            List<String> values = new ArrayList<>();
            for (ColumnPair p : pairs) {
                String column = d.quote(left ? p.left() : p.right());
                // both sides are DuckDB: identical types hash identically as they are
                values.add(p.identicalTypes() ? column : d.comparable(column, left ? p.leftType() : p.rightType(), p.comparison()));
            }
            List<String> items = new ArrayList<>(extra);
            items.add(d.nativeRowHash(values) + " as __h");
            return "select " + String.join(", ", items) + " from " + from + filter;
        }
        List<String> inner = new ArrayList<>(extra);
        List<String> texts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (ColumnPair p : pairs) {
            String column = d.quote(left ? p.left() : p.right());
            String value = d.canonical(column, left ? p.leftType() : p.rightType(), p.comparison());
            switch (p.comparison().form()) {
                case BIGINT -> numbers.add(value);
                case DOUBLE -> numbers.add(doubleToBigint(d, value));
                case TEXT -> texts.add("coalesce(" + value + ", " + d.chr(1) + ")");
            }
        }
        for (int i = 0; i < numbers.size(); i++) {
            inner.add(numbers.get(i) + " as __v" + i);
        }
        if (!texts.isEmpty()) {
            String joined = String.join(" || " + d.chr(31) + " || ", texts);
            inner.add((mode == Mode.PORTABLE ? d.md5Bits(joined) : d.nativeTextHash(joined)) + " as __t");
        }
        String y1 = weightedSum(numbers.size(), !texts.isEmpty(), 1);
        String y2 = weightedSum(numbers.size(), !texts.isEmpty(), 2);
        String carried = aliases.isEmpty() ? "" : String.join(", ", aliases) + ", ";
        return "select " + carried + y1 + " as __y1, " + y2 + " as __y2 from (select " + String.join(", ", inner) + " from " + from + filter
                + d.fence() + ") s1" + d.fence();
    }

    /** How many hash columns {@link #rowHashes} adds. */
    public int hashColumns() {
        return mode == Mode.DUCKDB_NATIVE ? 1 : 2;
    }

    private static String alias(String item) {
        int as = item.lastIndexOf(" as ");
        if (as < 0) {
            throw new IllegalArgumentException("select item without an alias: " + item);
        }
        return item.substring(as + 4).trim();
    }

    /** (y^3 + c*y) mod p for y in [0, p): each product stays below 2^62. */
    private static String cubic(String y, long c) {
        return "((" + y + " * " + y + " % " + P + ") * " + y + " % " + P + " + " + y + " * " + c + ") % " + P;
    }

    /** Σ weight_i * (v_i mod p) mod p, shifted into [0, p); a NULL contributes its own constant. */
    private static String weightedSum(int numbers, boolean text, int which) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            terms.add("coalesce(__v" + i + " % " + P + " * " + weight(i, which) + " % " + P + ", " + weight(i, which + 2) + ")");
        }
        if (text) {
            String bits = which == 1 ? "__t" : "(__t >> 30)";
            terms.add("(" + bits + " % " + P + " * " + weight(1000, which) + " % " + P + ")");
        }
        if (terms.isEmpty()) {
            return "0";
        }
        return "((" + String.join(" + ", terms) + ") % " + P + " + " + P + ") % " + P;
    }

    /**
     * A rounded double (an integral value) as a bigint, exactly: as it is below 2^62; divided by a power of
     * 2^60 (exact in floating point) above, tagged with the power; infinities and NaN as constants.
     */
    static String doubleToBigint(Dialect d, String value) {
        String two60 = "cast(1152921504606846976 as " + d.doubleType() + ")";
        StringBuilder sb = new StringBuilder("case when abs(").append(value).append(") < cast(4611686018427387904 as ").append(d.doubleType())
                .append(") then cast(").append(value).append(" as bigint)");
        String power = two60;
        for (int tier = 1; tier <= 17; tier++) {
            sb.append(" when abs(").append(value).append(") < ").append(power).append(" * cast(4611686018427387904 as ").append(d.doubleType())
                    .append(") then cast(floor(").append(value).append(" / (").append(power).append(")) as bigint) + ").append(tier);
            power = power + " * " + two60;
        }
        return sb.append(" when ").append(value).append(" = cast('NaN' as ").append(d.doubleType()).append(") then 7")
                .append(" when ").append(value).append(" > 0 then 3 when ").append(value).append(" < 0 then 5 end").toString();
    }

    /** A constant in [1, p) for column i (SplitMix64 of the index), the same on every side. */
    static long weight(int i, int which) {
        long z = 0x9E3779B97F4A7C15L * (i * 8L + which + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return 1 + Math.floorMod(z, P - 1);
    }
}

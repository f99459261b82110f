package io.slipway.diff.sql;

import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-row hash both warehouses compute identically, and the segment checksum built from it.
 *
 * <p>Where both sides are DuckDB, the row hash is DuckDB's own {@code hash()} of the values. Otherwise:
 * <ul>
 *   <li>when some compared value is text (text, UUIDs, decimals too wide for a bigint), every value in its
 *       canonical form is written as text, joined with separators, and hashed once per row: 60 bits of md5
 *       across warehouses, PostgreSQL's {@code hashtextextended} between two PostgreSQL servers. Numbers,
 *       dates and timestamps are canonically bigints, whose text is the same everywhere;</li>
 *   <li>when every value is a number, date or timestamp, no text is made at all: each value is reduced
 *       modulo the prime p = 2^31 - 1 and weighted by a constant per column, two independent weighted sums
 *       y1, y2 go through h(y) = (y^3 + c*y) mod p, which is not linear, so swapping values between rows
 *       changes the sum. All intermediate values stay below 2^63, so no warehouse overflows.</li>
 * </ul>
 * A segment's checksum is its row count and the sums of its rows' hashes: order-independent, and equal on
 * both sides exactly when (barring a 2^-60 chance) the same rows are there.
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
    /** Whether some value is text, so rows are hashed as text. */
    private final boolean textual;

    public RowHasher(Mode mode, List<ColumnPair> pairs) {
        this.mode = mode;
        this.pairs = List.copyOf(pairs);
        this.textual = pairs.stream().anyMatch(p -> p.comparison().form() == Comparison.Form.TEXT);
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
        return hashColumns();
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
        if (mode == Mode.DUCKDB_NATIVE || textual) {
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
        List<String> texts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (ColumnPair p : pairs) {
            String column = d.quote(left ? p.left() : p.right());
            String value = d.canonical(column, left ? p.leftType() : p.rightType(), p.comparison());
            switch (p.comparison().form()) {
                case BIGINT -> numbers.add(value);
                case DOUBLE -> numbers.add(floatToBigint(d, column, p.comparison().digits(), value));
                case TEXT -> texts.add(value);
            }
        }
        if (textual) {
            // one hash call per row: the numbers go in as their (identical everywhere) decimal text
            List<String> parts = new ArrayList<>();
            int n = 0;
            int t = 0;
            for (ColumnPair p : pairs) {
                String part = p.comparison().form() == Comparison.Form.TEXT ? texts.get(t++) : "cast(" + numbers.get(n++) + " as " + d.textType() + ")";
                parts.add("coalesce(" + part + ", " + d.chr(1) + ")");
            }
            String joined = d.joined(parts, d.chr(31));
            List<String> items = new ArrayList<>(extra);
            items.add((mode == Mode.PORTABLE ? d.md5Bits(joined) : d.nativeTextHash(joined)) + " as __h");
            return "select " + String.join(", ", items) + " from " + from + filter;
        }
        List<String> inner = new ArrayList<>(extra);
        for (int i = 0; i < numbers.size(); i++) {
            inner.add(numbers.get(i) + " as __v" + i);
        }
        String y1 = weightedSum(numbers.size(), 1);
        String y2 = weightedSum(numbers.size(), 2);
        String carried = aliases.isEmpty() ? "" : String.join(", ", aliases) + ", ";
        // fenced twice: PostgreSQL would otherwise inline y1 and y2 into each of their uses in the cubic
        return "select " + carried + y1 + " as __y1, " + y2 + " as __y2 from (select " + String.join(", ", inner) + " from " + from + filter
                + d.fence() + ") s1" + d.fence();
    }

    /** How many hash columns {@link #rowHashes} adds. */
    public int hashColumns() {
        return mode == Mode.DUCKDB_NATIVE || textual ? 1 : 2;
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
    private static String weightedSum(int numbers, int which) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            terms.add("coalesce(__v" + i + " % " + P + " * " + weight(i, which) + " % " + P + ", " + weight(i, which + 2) + ")");
        }
        if (terms.isEmpty()) {
            return "0";
        }
        return "((" + String.join(" + ", terms) + ") % " + P + " + " + P + ") % " + P;
    }

    /**
     * A float's canonical value (rounded and scaled, see {@link Dialect#rounded}) as a bigint: computed
     * directly for the values whose scaled form fits a bigint (all but huge ones), which spares evaluating
     * the canonical expression twice, else by {@link #doubleToBigint}.
     */
    static String floatToBigint(Dialect d, String column, int digits, String canonical) {
        String x = "cast(" + column + " as " + d.doubleType() + ")";
        double limit = Math.pow(2, 62) / Math.pow(10, digits);
        return "case when abs(" + x + ") < cast(" + (long) limit + " as " + d.doubleType() + ") then cast(floor(" + x + " * cast(1"
                + "0".repeat(digits) + " as " + d.doubleType() + ") + cast(0.5 as " + d.doubleType() + ")) as bigint) else "
                + doubleToBigint(d, canonical) + " end";
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
        // 2^(60*16) * 2^62 is the last bound below the largest double: PostgreSQL fails on float overflow
        for (int tier = 1; tier <= 16; tier++) {
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

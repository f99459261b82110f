package io.slipway.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to compare and how. Column names are the left relation's; {@link #renames} maps a left name to
 * the right relation's name for the same column.
 *
 * @param key                the primary key columns (any types, any number; empty only for a schema-only diff)
 * @param columns            the only columns to compare besides the key; empty for all
 * @param excludeColumns     columns not to compare
 * @param where              a SQL condition applied to both relations, or null
 * @param floatPrecision     decimal places floats are rounded to before comparing
 * @param absoluteTolerance  two numbers are equal when they differ by at most this much
 * @param relativeTolerance  ... or by at most this fraction of the larger magnitude
 * @param caseInsensitive    match column names regardless of case
 * @param renames            left column name to right column name
 * @param limit              stop once this many differing rows are found (0: no limit)
 * @param sampleSize         sample rows reported per kind (added, removed, changed); 0 hides values
 * @param skipNullKeys       leave rows with a NULL key part out (counted) instead of failing
 * @param assumeUniqueKey    skip the duplicate-key check of the hash diff
 * @param algorithm          join, hash, or auto
 * @param materializeTable   a table (in the right relation's warehouse) to write differing rows to, or null
 * @param threads            connections per warehouse the hash diff runs checksums on
 * @param bisectionFactor    the most pieces a differing segment is split into
 * @param bisectionThreshold segments with at most this many rows are fetched and compared row by row
 * @param portableHash       hash with the cross-warehouse (md5) expression even when both sides could use a native hash
 */
public record DiffOptions(List<String> key, List<String> columns, List<String> excludeColumns, String where, int floatPrecision,
                          double absoluteTolerance, double relativeTolerance, boolean caseInsensitive, Map<String, String> renames,
                          long limit, int sampleSize, boolean skipNullKeys, boolean assumeUniqueKey, Algorithm algorithm,
                          String materializeTable, int threads, int bisectionFactor, int bisectionThreshold, boolean portableHash) {
    public DiffOptions {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
        excludeColumns = List.copyOf(excludeColumns);
        renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        Objects.requireNonNull(algorithm, "algorithm is null");
        if (floatPrecision < 0 || floatPrecision > 15) {
            throw new DiffException(DiffErrorCode.USAGE, "--float-precision must be between 0 and 15, got " + floatPrecision);
        }
        if (absoluteTolerance < 0 || relativeTolerance < 0 || Double.isNaN(absoluteTolerance) || Double.isNaN(relativeTolerance)) {
            throw new DiffException(DiffErrorCode.USAGE, "tolerances must be 0 or more");
        }
        if (limit < 0 || sampleSize < 0) {
            throw new DiffException(DiffErrorCode.USAGE, "--limit and --sample-size must be 0 or more");
        }
        if (threads < 1) {
            throw new DiffException(DiffErrorCode.USAGE, "--threads must be at least 1, got " + threads);
        }
        if (bisectionFactor < 2 || bisectionThreshold < 1) {
            throw new DiffException(DiffErrorCode.USAGE, "--bisection-factor must be at least 2 and --bisection-threshold at least 1");
        }
    }

    /** Whether numbers may differ a little and still count as equal. */
    public boolean hasTolerance() {
        return absoluteTolerance > 0 || relativeTolerance > 0;
    }

    /** A builder holding these options, with another key (per-model options start from the command's). */
    public Builder toBuilder(List<String> newKey) {
        return new Builder(newKey).columns(columns).excludeColumns(excludeColumns).where(where).floatPrecision(floatPrecision)
                .absoluteTolerance(absoluteTolerance).relativeTolerance(relativeTolerance).caseInsensitive(caseInsensitive).renames(renames)
                .limit(limit).sampleSize(sampleSize).skipNullKeys(skipNullKeys).assumeUniqueKey(assumeUniqueKey).algorithm(algorithm)
                .materializeTable(materializeTable).threads(threads).bisectionFactor(bisectionFactor).bisectionThreshold(bisectionThreshold)
                .portableHash(portableHash);
    }

    public static Builder builder(String... key) {
        return new Builder(List.of(key));
    }

    public static Builder builder(List<String> key) {
        return new Builder(key);
    }

    /** Options with their defaults: float precision 6, 10 samples, auto algorithm, one thread, factor 32, threshold 16. */
    public static final class Builder {
        private final List<String> key;
        private List<String> columns = List.of();
        private List<String> excludeColumns = List.of();
        private String where;
        private int floatPrecision = 6;
        private double absoluteTolerance;
        private double relativeTolerance;
        private boolean caseInsensitive;
        private final Map<String, String> renames = new LinkedHashMap<>();
        private long limit;
        private int sampleSize = 10;
        private boolean skipNullKeys;
        private boolean assumeUniqueKey;
        private Algorithm algorithm = Algorithm.AUTO;
        private String materializeTable;
        private int threads = 1;
        private int bisectionFactor = 32;
        private int bisectionThreshold = 16;
        private boolean portableHash;

        private Builder(List<String> key) {
            this.key = new ArrayList<>(key);
        }

        public Builder columns(List<String> v) { columns = v; return this; }
        public Builder excludeColumns(List<String> v) { excludeColumns = v; return this; }
        public Builder where(String v) { where = v; return this; }
        public Builder floatPrecision(int v) { floatPrecision = v; return this; }
        public Builder absoluteTolerance(double v) { absoluteTolerance = v; return this; }
        public Builder relativeTolerance(double v) { relativeTolerance = v; return this; }
        public Builder caseInsensitive(boolean v) { caseInsensitive = v; return this; }
        public Builder rename(String left, String right) { renames.put(left, right); return this; }
        public Builder renames(Map<String, String> v) { renames.putAll(v); return this; }
        public Builder limit(long v) { limit = v; return this; }
        public Builder sampleSize(int v) { sampleSize = v; return this; }
        public Builder skipNullKeys(boolean v) { skipNullKeys = v; return this; }
        public Builder assumeUniqueKey(boolean v) { assumeUniqueKey = v; return this; }
        public Builder algorithm(Algorithm v) { algorithm = v; return this; }
        public Builder materializeTable(String v) { materializeTable = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder bisectionFactor(int v) { bisectionFactor = v; return this; }
        public Builder bisectionThreshold(int v) { bisectionThreshold = v; return this; }
        public Builder portableHash(boolean v) { portableHash = v; return this; }

        public DiffOptions build() {
            return new DiffOptions(key, columns, excludeColumns, where, floatPrecision, absoluteTolerance, relativeTolerance,
                    caseInsensitive, renames, limit, sampleSize, skipNullKeys, assumeUniqueKey, algorithm, materializeTable, threads,
                    bisectionFactor, bisectionThreshold, portableHash);
        }
    }
}

package io.slipway.diff.hash;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterException;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;
import io.slipway.diff.DiffOptions;
import io.slipway.diff.DiffOutcome;
import io.slipway.diff.RelationName;
import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;
import io.slipway.diff.plan.DiffPlan;
import io.slipway.diff.report.KeyChecks;
import io.slipway.diff.report.RowCounts;
import io.slipway.diff.report.SampleKind;
import io.slipway.diff.sql.Dialect;
import io.slipway.diff.sql.Names;
import io.slipway.diff.sql.Queries;
import io.slipway.diff.sql.RowHasher;
import io.slipway.diff.sql.SideSql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Diffs two relations in two warehouses without moving their rows: both sides checksum the same key
 * buckets in SQL (row count and order-independent sums of row hashes, see {@link RowHasher}); buckets whose
 * checksums differ are cut into smaller ones and checksummed again, on both sides at once and in several
 * queries per side when {@code --threads} allows, until they are small enough to fetch and compare row by
 * row. The first round already has up to 65,536 buckets, so scattered changes are found in one or two
 * more rounds touching only the rows near them.
 */
public final class HashDiff {
    /** Buckets in the first round, at most. */
    static final int FIRST_ROUND_BUCKETS = 65_536;
    /** Keys whose full rows are fetched per query. */
    static final int FETCH_BATCH = 20_000;

    private final DiffOptions options;
    private final DiffPlan plan;
    private final Adapter leftAdapter;
    private final Adapter rightAdapter;
    private final SideSql leftSql;
    private final SideSql rightSql;
    private final String leftDisplay;
    private final String rightDisplay;
    private final RowHasher hasher;
    private boolean complete = true;
    /** {@code -Dslipway.diff.trace=true} prints each round's timing and SQL to stderr, for tuning. */
    private static final boolean TRACE = Boolean.getBoolean("slipway.diff.trace");
    private final long started = System.nanoTime();

    private void trace(String what) {
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "[diff %.3f s] %s%n", (System.nanoTime() - started) / 1e9, what);
        }
    }

    public HashDiff(DiffOptions options, DiffPlan plan, Adapter leftAdapter, Dialect leftDialect, String leftDisplay,
                    Adapter rightAdapter, Dialect rightDialect, String rightDisplay) {
        this.options = options;
        this.plan = plan;
        this.leftAdapter = leftAdapter;
        this.rightAdapter = rightAdapter;
        this.leftSql = new SideSql(leftDialect, plan.leftRelation(), options.where(), true);
        this.rightSql = new SideSql(rightDialect, plan.rightRelation(), options.where(), false);
        this.leftDisplay = leftDisplay;
        this.rightDisplay = rightDisplay;
        this.hasher = new RowHasher(RowHasher.choose(leftDialect, rightDialect, options.portableHash()), plan.allPairs());
    }

    public DiffOutcome run() {
        ExecutorService executor = Executors.newFixedThreadPool(2 * options.threads() + 2, r -> {
            Thread t = new Thread(r, "slipway-diff");
            t.setDaemon(true);
            return t;
        });
        int connections = options.threads() + (options.assumeUniqueKey() ? 0 : 1);
        try (HashSide left = new HashSide(leftAdapter, leftSql, leftDisplay, connections);
             HashSide right = new HashSide(rightAdapter, rightSql, rightDisplay, connections)) {
            return new Run(executor, left, right).diff();
        } finally {
            executor.shutdownNow();
        }
    }

    /** One diff's state: the executor, both sides and the tally. */
    private final class Run {
        private final ExecutorService executor;
        private final HashSide left;
        private final HashSide right;
        private final Tally tally;

        Run(ExecutorService executor, HashSide left, HashSide right) {
            this.executor = executor;
            this.left = left;
            this.right = right;
            this.tally = new Tally(options, plan.keys(), plan.values());
        }

        DiffOutcome diff() {
            boolean arithmetic = plan.keys().size() == 1 && plan.keys().get(0).comparison().form() == Comparison.Form.BIGINT;
            Future<List<Object>> leftStats = submit(() -> stats(left, arithmetic));
            Future<List<Object>> rightStats = submit(() -> stats(right, arithmetic));
            List<Object> ls = get(leftStats);
            List<Object> rs = get(rightStats);
            trace("stats");
            long leftRows = Queries.asLong(ls.get(0));
            long rightRows = Queries.asLong(rs.get(0));
            long leftNulls = Queries.asLong(ls.get(1));
            long rightNulls = Queries.asLong(rs.get(1));
            checkNullKeys(leftNulls, left);
            checkNullKeys(rightNulls, right);
            Future<Long> leftDuplicates = options.assumeUniqueKey() ? null : submit(() -> duplicateRows(left, arithmetic ? ls : null));
            Future<Long> rightDuplicates = options.assumeUniqueKey() ? null : submit(() -> duplicateRows(right, arithmetic ? rs : null));

            long rows = Math.max(leftRows - leftNulls, rightRows - rightNulls);
            if (rows > 0) {
                KeySpace space = keySpace(arithmetic, ls, rs, leftRows - leftNulls, rightRows - rightNulls);
                search(space, rows);
            }
            trace("search done");
            Long ld = leftDuplicates == null ? null : get(leftDuplicates);
            Long rd = rightDuplicates == null ? null : get(rightDuplicates);
            trace("duplicate check done");
            if (ld != null && ld > 0) {
                throw duplicates(left, null);
            }
            if (rd != null && rd > 0) {
                throw duplicates(right, null);
            }
            if (options.materializeTable() != null) {
                materialize();
            }
            long unchanged = leftRows - leftNulls - tally.removed() - tally.changed();
            RowCounts counts = new RowCounts(leftRows, rightRows, tally.added(), tally.removed(), tally.changed(), unchanged);
            List<String> notes = new ArrayList<>();
            if (!complete) {
                notes.add("stopped after " + tally.differences() + " differing rows (--limit " + options.limit() + "); counts are lower bounds");
            }
            return new DiffOutcome(counts, tally.valueChanged(), tally.samples(), new KeyChecks(leftNulls, rightNulls, ld, rd), complete, notes);
        }

        /** (rows, rows with a NULL key[, min key, max key, sum of key hashes]) of a side. */
        private List<Object> stats(HashSide side, boolean arithmetic) {
            SideSql s = side.sql();
            String key = arithmetic ? s.canonical(plan.keys().get(0)) : null;
            String keyHash = arithmetic ? s.dialect().keyHash(key) : null;
            String sql = "select count(*), count(*) filter (where " + s.anyKeyNull(plan.keys()) + ")"
                    + (arithmetic ? ", min(" + key + "), max(" + key + ")" : "")
                    + (keyHash != null ? ", sum(" + keyHash + ")" : "")
                    + " from " + s.relation() + SideSql.whereClause(s.baseFilter(plan.keys(), false));
            return side.query(sql).get(0);
        }

        private KeySpace keySpace(boolean arithmetic, List<Object> ls, List<Object> rs, long leftRows, long rightRows) {
            if (arithmetic) {
                Long min = minOf(ls.get(2), rs.get(2), true);
                Long max = minOf(ls.get(3), rs.get(3), false);
                if (min != null && IntegerKeySpace.fits(min, max)) {
                    return new IntegerKeySpace(plan.keys().get(0), min, max, Math.max(leftRows, rightRows));
                }
            }
            return leftRows >= rightRows ? new RangeKeySpace(plan.keys(), left, leftRows) : new RangeKeySpace(plan.keys(), right, rightRows);
        }

        private Long minOf(Object a, Object b, boolean min) {
            if (a == null || b == null) {
                return a == null ? (b == null ? null : Queries.asLong(b)) : Queries.asLong(a);
            }
            long x = Queries.asLong(a);
            long y = Queries.asLong(b);
            return min ? Math.min(x, y) : Math.max(x, y);
        }

        /** Rounds of checksums, narrowing to the buckets that differ, fetching those small enough. */
        private void search(KeySpace space, long rows) {
            long firstRound = Math.max(options.bisectionThreshold(), (rows + FIRST_ROUND_BUCKETS - 1) / FIRST_ROUND_BUCKETS);
            Level level = space.first(firstRound);
            while (level != null) {
                trace("round start");
                Map<Long, Long> mismatched = mismatched(level);
                trace("round: " + mismatched.size() + " buckets differ");
                if (options.limit() > 0) {
                    long room = options.limit() - tally.differences();
                    if (mismatched.size() > room) {
                        complete = false;
                        Map<Long, Long> first = new TreeMap<>();
                        mismatched.entrySet().stream().limit(Math.max(room, 0)).forEach(e -> first.put(e.getKey(), e.getValue()));
                        mismatched = first;
                    }
                }
                List<Long> fetch = new ArrayList<>();
                Map<Long, Long> split = new TreeMap<>();
                for (Map.Entry<Long, Long> e : mismatched.entrySet()) {
                    if (e.getValue() <= options.bisectionThreshold() || !level.splittable(e.getKey())) {
                        fetch.add(e.getKey());
                    } else {
                        split.put(e.getKey(), e.getValue());
                    }
                }
                trace("fetching " + fetch.size() + " buckets, splitting " + split.size());
                if (!fetch(level, fetch)) {
                    complete = false;
                    return;
                }
                trace("fetched");
                level = split.isEmpty() ? null : space.split(level, split, options.bisectionThreshold(), options.bisectionFactor());
            }
        }

        /** The buckets whose checksums differ, with the larger side's row count, in key order. */
        private Map<Long, Long> mismatched(Level level) {
            int chunks = level.chunks(options.threads());
            List<Future<List<List<Object>>>> leftParts = new ArrayList<>();
            List<Future<List<List<Object>>>> rightParts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                leftParts.add(submit(checksums(left, level, c, chunks)));
                rightParts.add(submit(checksums(right, level, c, chunks)));
            }
            Map<Long, Checksum> l = collect(leftParts);
            Map<Long, Checksum> r = collect(rightParts);
            Map<Long, Long> out = new TreeMap<>();
            TreeSet<Long> ids = new TreeSet<>(l.keySet());
            ids.addAll(r.keySet());
            for (long id : ids) {
                Checksum a = l.get(id);
                Checksum b = r.get(id);
                if (!Objects.equals(a, b)) {
                    out.put(id, Math.max(a == null ? 0 : a.count(), b == null ? 0 : b.count()));
                }
            }
            return out;
        }

        private Callable<List<List<Object>>> checksums(HashSide side, Level level, int chunk, int chunks) {
            SideSql s = side.sql();
            String where = SideSql.and(s.baseFilter(plan.keys(), true), level.filter(side, chunk, chunks));
            String sql = hasher.checksumQuery(s.dialect(), s.left(), s.relation(), where, level.bucket(side, chunk, chunks));
            trace("checksum SQL: " + (sql.length() > 2000 ? sql.substring(0, 2000) + " ..." : sql));
            return () -> side.query(sql);
        }

        private Map<Long, Checksum> collect(List<Future<List<List<Object>>>> parts) {
            Map<Long, Checksum> out = new HashMap<>();
            for (Future<List<List<Object>>> part : parts) {
                for (List<Object> row : get(part)) {
                    List<java.math.BigInteger> sums = new ArrayList<>();
                    for (int i = 2; i < row.size(); i++) {
                        sums.add(Queries.asBigInteger(row.get(i)));
                    }
                    out.put(Queries.asLong(row.get(0)), new Checksum(Queries.asLong(row.get(1)), sums));
                }
            }
            return out;
        }

        /**
         * Compares the rows of these buckets: first each row's key and hash from both sides, then the full
         * rows of only the keys whose hashes differ or that one side lacks. False when it stopped at the limit.
         */
        private boolean fetch(Level level, List<Long> buckets) {
            if (buckets.isEmpty()) {
                return true;
            }
            Future<List<List<Object>>> lf = submit(() -> left.query(hashesQuery(left, level, buckets)));
            Future<List<List<Object>>> rf = submit(() -> right.query(hashesQuery(right, level, buckets)));
            Map<List<Object>, List<Object>> lh = hashesByKey(get(lf), left);
            Map<List<Object>, List<Object>> rh = hashesByKey(get(rf), right);
            TreeSet<List<Object>> candidates = new TreeSet<>(new KeyOrder(plan.keys()));
            for (Map.Entry<List<Object>, List<Object>> e : lh.entrySet()) {
                if (!e.getValue().equals(rh.get(e.getKey()))) {
                    candidates.add(e.getKey());
                }
            }
            for (List<Object> key : rh.keySet()) {
                if (!lh.containsKey(key)) {
                    candidates.add(key);
                }
            }
            trace(candidates.size() + " rows differ by hash among " + lh.size() + " and " + rh.size());
            List<List<Object>> keys = new ArrayList<>(candidates);
            boolean cut = false;
            if (options.limit() > 0) {
                long room = Math.max(0, options.limit() - tally.differences());
                if (keys.size() > room) {
                    keys = keys.subList(0, (int) room);
                    cut = true;
                }
            }
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < keys.size(); i += FETCH_BATCH) {
                List<List<Object>> batch = keys.subList(i, Math.min(keys.size(), i + FETCH_BATCH));
                Future<List<List<Object>>> l = submit(() -> left.query(rowsQuery(left, level, buckets, batch)));
                Future<List<List<Object>>> r = submit(() -> right.query(rowsQuery(right, level, buckets, batch)));
                pending.add(submit(() -> {
                    compare(get(l), get(r), new java.util.HashSet<>(batch));
                    return null;
                }));
            }
            pending.forEach(this::get);
            return !cut;
        }

        private String hashesQuery(HashSide side, Level level, List<Long> buckets) {
            SideSql s = side.sql();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < plan.keys().size(); i++) {
                keys.add(s.canonical(plan.keys().get(i)) + " as __k" + i);
            }
            String where = SideSql.and(s.baseFilter(plan.keys(), true), level.only(side, buckets));
            return hasher.rowHashes(s.dialect(), s.left(), s.relation(), where, keys);
        }

        private Map<List<Object>, List<Object>> hashesByKey(List<List<Object>> rows, HashSide side) {
            int k = plan.keys().size();
            Map<List<Object>, List<Object>> out = new HashMap<>();
            for (List<Object> row : rows) {
                List<Object> key = new ArrayList<>(k);
                for (int i = 0; i < k; i++) {
                    key.add(normal(row.get(i)));
                }
                List<Object> hash = new ArrayList<>();
                for (int i = k; i < row.size(); i++) {
                    hash.add(Queries.asBigInteger(row.get(i)));
                }
                if (out.put(key, hash) != null) {
                    throw duplicates(side, key);
                }
            }
            return out;
        }

        private String rowsQuery(HashSide side, Level level, List<Long> buckets, List<List<Object>> keys) {
            SideSql s = side.sql();
            List<String> items = new ArrayList<>();
            for (ColumnPair k : plan.keys()) {
                items.add(s.canonical(k));
            }
            for (ColumnPair k : plan.keys()) {
                items.add(s.column(k));
            }
            for (ColumnPair v : plan.values()) {
                items.add(s.canonical(v));
            }
            for (ColumnPair v : plan.values()) {
                items.add(s.column(v));
            }
            if (options.hasTolerance()) {
                for (ColumnPair v : plan.values()) {
                    items.add(v.comparison().numeric() ? s.asDouble(v) : "null");
                }
            }
            String where = SideSql.and(s.baseFilter(plan.keys(), true), keyFilter(side, level, buckets, keys));
            return "select " + String.join(", ", items) + " from " + s.relation() + SideSql.whereClause(where);
        }

        /** Rows with these canonical keys: by a list of keys where their text is the same on every warehouse, else by bucket. */
        private String keyFilter(HashSide side, Level level, List<Long> buckets, List<List<Object>> keys) {
            SideSql s = side.sql();
            Dialect d = s.dialect();
            if (plan.keys().size() == 1 && plan.keys().get(0).comparison().form() == Comparison.Form.BIGINT) {
                return d.inNumbers(s.canonical(plan.keys().get(0)), keys.stream().map(k -> (Long) k.get(0)).toList());
            }
            if (plan.keys().stream().anyMatch(k -> k.comparison().form() == Comparison.Form.DOUBLE)) {
                return level.only(side, buckets);
            }
            List<String> parts = plan.keys().stream().map(k -> "cast(" + s.canonical(k) + " as " + d.textType() + ")").toList();
            List<String> literals = keys.stream()
                    .map(k -> d.literal(String.join("\u001f", k.stream().map(String::valueOf).toList()))).toList();
            return d.inList(String.join(" || " + d.chr(31) + " || ", parts), literals);
        }

        private void compare(List<List<Object>> leftRows, List<List<Object>> rightRows, java.util.Set<List<Object>> wanted) {
            Map<List<Object>, FetchedRow> l = byKey(leftRows, left);
            Map<List<Object>, FetchedRow> r = byKey(rightRows, right);
            l.keySet().retainAll(wanted);
            r.keySet().retainAll(wanted);
            for (Map.Entry<List<Object>, FetchedRow> e : l.entrySet()) {
                FetchedRow other = r.get(e.getKey());
                if (other == null) {
                    tally.removed(e.getValue());
                } else {
                    tally.both(e.getValue(), other);
                }
            }
            for (Map.Entry<List<Object>, FetchedRow> e : r.entrySet()) {
                if (!l.containsKey(e.getKey())) {
                    tally.added(e.getValue());
                }
            }
        }

        private Map<List<Object>, FetchedRow> byKey(List<List<Object>> rows, HashSide side) {
            int k = plan.keys().size();
            int v = plan.values().size();
            Map<List<Object>, FetchedRow> out = new HashMap<>();
            for (List<Object> row : rows) {
                List<Object> key = new ArrayList<>(k);
                for (int i = 0; i < k; i++) {
                    key.add(normal(row.get(i)));
                }
                List<Object> canonical = new ArrayList<>(v);
                for (int i = 0; i < v; i++) {
                    canonical.add(normal(row.get(2 * k + i)));
                }
                List<Object> doubles = options.hasTolerance() ? row.subList(2 * k + 2 * v, 2 * k + 3 * v) : java.util.Collections.nCopies(v, null);
                FetchedRow fetched = new FetchedRow(key, row.subList(k, 2 * k), canonical, row.subList(2 * k + v, 2 * k + 2 * v), doubles);
                if (out.put(key, fetched) != null) {
                    throw duplicates(side, key);
                }
            }
            return out;
        }

        private void checkNullKeys(long nulls, HashSide side) {
            if (nulls > 0 && !options.skipNullKeys()) {
                throw new DiffException(DiffErrorCode.NULL_KEYS, side.display() + " has " + nulls + " row" + (nulls == 1 ? "" : "s")
                        + " with a NULL in key column" + (plan.keys().size() == 1 ? " " : "s ") + keyNames(side)
                        + "; such rows cannot be matched by key. Fix the data, key on other columns, or pass --skip-null-keys to leave them out");
            }
        }

        /** Rows beyond the first per key; 0 at once when the keys are every integer from min to max once (see {@link Dialect#keyHash}). */
        private long duplicateRows(HashSide side, List<Object> stats) {
            SideSql s = side.sql();
            if (stats != null && stats.size() > 4 && stats.get(2) != null) {
                long rows = Queries.asLong(stats.get(0)) - Queries.asLong(stats.get(1));
                long min = Queries.asLong(stats.get(2));
                long max = Queries.asLong(stats.get(3));
                if (IntegerKeySpace.fits(min, max) && max - min + 1 == rows) {
                    Object expected = side.query(s.dialect().rangeHashSum(min, max)).get(0).get(0);
                    if (Queries.asBigInteger(expected).equals(Queries.asBigInteger(stats.get(4)))) {
                        return 0;
                    }
                }
            }
            List<String> columns = plan.keys().stream().map(s::column).toList();
            String distinct = columns.size() == 1 ? columns.get(0) : "row(" + String.join(", ", columns) + ")";
            String sql = "select count(*) - count(distinct " + distinct + ") from " + s.relation()
                    + SideSql.whereClause(s.baseFilter(plan.keys(), true));
            return Queries.asLong(side.query(sql).get(0).get(0));
        }

        private DiffException duplicates(HashSide side, List<Object> seen) {
            SideSql s = side.sql();
            List<String> columns = plan.keys().stream().map(s::column).toList();
            String sql = "select " + String.join(", ", columns) + ", count(*) from " + s.relation()
                    + SideSql.whereClause(s.baseFilter(plan.keys(), true)) + " group by " + String.join(", ", columns)
                    + " having count(*) > 1 order by count(*) desc limit 5";
            List<String> examples = new ArrayList<>();
            for (List<Object> row : side.query(sql)) {
                examples.add("(" + String.join(", ", row.subList(0, columns.size()).stream().map(String::valueOf).toList()) + ") x"
                        + row.get(columns.size()));
            }
            if (examples.isEmpty() && seen != null) {
                examples.add("(" + String.join(", ", seen.stream().map(String::valueOf).toList()) + ")");
            }
            return new DiffException(DiffErrorCode.DUPLICATE_KEYS, side.display() + " has rows sharing a key (" + keyNames(side) + ")"
                    + (examples.isEmpty() ? "" : ", e.g. " + String.join(", ", examples))
                    + "; a diff by key needs a unique key. Add key columns until it is unique, or deduplicate the relation");
        }

        private String keyNames(HashSide side) {
            return String.join(", ", plan.keys().stream().map(k -> side.left() ? k.left() : k.right()).toList());
        }

        /** Writes the differing rows as text to a table in the right relation's warehouse. */
        private void materialize() {
            Dialect d = right.dialect();
            String target = Names.relation(d, RelationName.parse(options.materializeTable()));
            List<String> columns = new ArrayList<>();
            columns.add(d.quote("diff_kind"));
            plan.keys().forEach(k -> columns.add(d.quote(k.name())));
            for (ColumnPair v : plan.values()) {
                columns.add(d.quote(v.name() + "_left"));
                columns.add(d.quote(v.name() + "_right"));
            }
            right.run("drop table if exists " + target);
            right.run("create table " + target + " (" + String.join(", ", columns.stream().map(c -> c + " " + d.textType()).toList()) + ")");
            List<List<Object>> rows = new ArrayList<>();
            List<Tally.Differing> differing = tally.differing();
            differing.sort(java.util.Comparator.comparing(x -> x.kind().label()));
            for (Tally.Differing x : differing) {
                if (options.limit() > 0 && rows.size() >= options.limit()) {
                    break;
                }
                List<Object> row = new ArrayList<>();
                row.add(x.kind().label());
                FetchedRow keyed = x.kind() == SampleKind.ADDED ? x.right() : x.left();
                keyed.keyRaw().forEach(o -> row.add(text(o)));
                for (int i = 0; i < plan.values().size(); i++) {
                    row.add(x.left() == null ? null : text(x.left().raw().get(i)));
                    row.add(x.right() == null ? null : text(x.right().raw().get(i)));
                }
                rows.add(row);
            }
            AdapterConnection c = right.borrow();
            try {
                c.insertRows(target, columns, rows);
            } catch (AdapterException e) {
                throw new DiffException(DiffErrorCode.DATABASE_ERROR, "could not write " + options.materializeTable() + ": " + e.getMessage(), e);
            } finally {
                right.release(c);
            }
        }

        private <T> Future<T> submit(Callable<T> task) {
            return executor.submit(task);
        }

        private <T> T get(Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                left.cancel();
                right.cancel();
                throw new DiffException(DiffErrorCode.CANCELLED, "diff interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new DiffException(DiffErrorCode.DATABASE_ERROR, String.valueOf(e.getCause()), e.getCause());
            }
        }
    }

    /** Values of one canonical form compare equal across drivers: all whole numbers as Long, decimals as text. */
    private static Object normal(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b.toString();
        }
        if (value instanceof BigDecimal b) {
            return b.scale() <= 0 && b.precision() - b.scale() < 19 ? (Object) b.longValueExact() : b.toPlainString();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof java.time.temporal.Temporal) {
            return value.toString().replace('T', ' ');
        }
        return value.toString();
    }
}

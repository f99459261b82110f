package io.slipway.diff.join;

import io.slipway.adapter.AdapterConnection;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;
import io.slipway.diff.DiffOptions;
import io.slipway.diff.DiffOutcome;
import io.slipway.diff.RelationName;
import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.DiffPlan;
import io.slipway.diff.report.KeyChecks;
import io.slipway.diff.report.RowCounts;
import io.slipway.diff.report.Sample;
import io.slipway.diff.report.SampleKind;
import io.slipway.diff.sql.Dialect;
import io.slipway.diff.sql.Names;
import io.slipway.diff.sql.Queries;
import io.slipway.diff.sql.SideSql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Diffs two relations of one warehouse with SQL, never pulling their rows into the JVM:
 * <ol>
 *   <li>each side's row count and NULL keys (NULL keys fail the diff unless they may be left out);</li>
 *   <li>one FULL OUTER JOIN on the key carrying, per side, only the key and a fingerprint of the compared
 *       values (DuckDB: their hash; PostgreSQL: the row), giving counts by presence, the rows whose
 *       fingerprints differ, and (when they are few) their keys;</li>
 *   <li>the differing rows joined again with their values, into a temporary table: column by column
 *       NULL-safe comparisons (floats at their precision, numbers within the tolerance) decide which
 *       rows changed and in which columns; counts, samples and the materialized table come from it.</li>
 * </ol>
 * Duplicate keys show as a join producing more rows than a side has, or as repeated keys among the rows
 * only one side has; either fails the diff with examples.
 */
public final class JoinDiff {
    /** At most this many differing keys are carried from the first join to the second; more, and the second join is not narrowed. */
    static final int KEY_LIST_LIMIT = 100_000;
    private static final AtomicLong TEMP_TABLES = new AtomicLong();

    private final DiffOptions options;
    private final DiffPlan plan;
    private final AdapterConnection connection;
    private final Dialect dialect;
    private final SideSql left;
    private final SideSql right;
    private final String leftDisplay;
    private final String rightDisplay;
    /** {@code -Dslipway.diff.trace=true} prints each step's timing to stderr, for tuning. */
    private static final boolean TRACE = Boolean.getBoolean("slipway.diff.trace");
    private final long started = System.nanoTime();

    private void trace(String what) {
        if (TRACE) {
            System.err.printf(java.util.Locale.ROOT, "[join diff %.3f s] %s%n", (System.nanoTime() - started) / 1e9, what);
        }
    }

    public JoinDiff(DiffOptions options, DiffPlan plan, AdapterConnection connection, Dialect dialect, String leftDisplay, String rightDisplay) {
        this.options = options;
        this.plan = plan;
        this.connection = connection;
        this.dialect = dialect;
        this.left = new SideSql(dialect, plan.leftRelation(), options.where(), true);
        this.right = new SideSql(dialect, plan.rightRelation(), options.where(), false);
        this.leftDisplay = leftDisplay;
        this.rightDisplay = rightDisplay;
    }

    public DiffOutcome run() {
        long[] leftCount = countRows(left, leftDisplay);
        long[] rightCount = countRows(right, rightDisplay);
        checkNullKeys(leftCount[1], leftDisplay, left);
        checkNullKeys(rightCount[1], rightDisplay, right);
        trace("row counts");

        String firstJoin = firstJoin();
        trace(firstJoin);
        List<Object> first = Queries.rows(connection, firstJoin, leftDisplay + " and " + rightDisplay).get(0);
        long matched = Queries.asLong(first.get(2));
        long removed = Queries.asLong(first.get(3));
        long added = Queries.asLong(first.get(4));
        long candidates = Queries.asLong(first.get(5));
        trace("first join");
        if (matched + removed != leftCount[0] - leftCount[1]) {
            throw duplicates(right, rightDisplay);
        }
        if (matched + added != rightCount[0] - rightCount[1]) {
            throw duplicates(left, leftDisplay);
        }
        List<String> notes = new ArrayList<>();
        KeyChecks checks = new KeyChecks(leftCount[1], rightCount[1], 0L, 0L);
        long[] valueChanged = new long[plan.values().size()];
        if (removed + added + candidates == 0) {
            if (options.materializeTable() != null) {
                notes.add("no differing rows, so " + options.materializeTable() + " was not written");
            }
            RowCounts rows = new RowCounts(leftCount[0], rightCount[0], 0L, 0L, 0L, matched);
            return new DiffOutcome(rows, valueChanged, List.of(), checks, true, notes);
        }
        List<String> keys = keyList(first.get(6), removed + added + candidates);
        String temp = "__slipway_diff_" + ProcessHandle.current().pid() + "_" + TEMP_TABLES.incrementAndGet();
        Queries.run(connection, "create temp table " + dialect.quote(temp) + " as " + secondJoin(keys), leftDisplay + " and " + rightDisplay);
        trace("second join");
        try {
            long changed = 0;
            for (List<Object> row : Queries.rows(connection, aggregate(temp), "the differing rows")) {
                if ("changed".equals(row.get(0))) {
                    changed = Queries.asLong(row.get(1));
                    for (int i = 0; i < valueChanged.length; i++) {
                        valueChanged[i] = Queries.asLong(row.get(2 + i));
                    }
                }
            }
            trace("aggregate");
            checkExclusiveDuplicates(temp);
            trace("duplicate check");
            List<Sample> samples = options.sampleSize() == 0 ? List.of() : samples(temp);
            trace("samples");
            if (options.materializeTable() != null) {
                materialize(temp);
            }
            RowCounts rows = new RowCounts(leftCount[0], rightCount[0], added, removed, changed, matched - changed);
            return new DiffOutcome(rows, valueChanged, samples, checks, true, notes);
        } finally {
            Queries.run(connection, "drop table if exists " + dialect.quote(temp), "a temporary table");
        }
    }

    /** (rows, rows with a NULL key part) of one side. */
    private long[] countRows(SideSql side, String display) {
        String sql = "select count(*), count(*) filter (where " + side.anyKeyNull(plan.keys()) + ") from " + side.relation()
                + SideSql.whereClause(side.baseFilter(plan.keys(), false));
        List<Object> row = Queries.rows(connection, sql, display).get(0);
        return new long[] {Queries.asLong(row.get(0)), Queries.asLong(row.get(1))};
    }

    private void checkNullKeys(long nulls, String display, SideSql side) {
        if (nulls > 0 && !options.skipNullKeys()) {
            throw new DiffException(DiffErrorCode.NULL_KEYS, display + " has " + nulls + " row" + (nulls == 1 ? "" : "s")
                    + " with a NULL in key column" + (plan.keys().size() == 1 ? " " : "s ") + keyNames(side)
                    + "; such rows cannot be matched by key. Fix the data, key on other columns, or pass --skip-null-keys to leave them out");
        }
    }

    /** A single whole-number key travels as numbers (cheaper to match than text); other keys as text. */
    private boolean numericKey() {
        return plan.keys().size() == 1 && plan.keys().get(0).comparison().kind() == io.slipway.diff.plan.Comparison.Kind.INTEGER;
    }

    private String firstJoin() {
        String keyText = numericKey() ? "coalesce(l.__k0, r.__k0)" : keyText("l", "r");
        return "select count(l.__p), count(r.__p),"
                + " count(*) filter (where l.__p is not null and r.__p is not null),"
                + " count(*) filter (where r.__p is null),"
                + " count(*) filter (where l.__p is null),"
                + " count(*) filter (where l.__p is not null and r.__p is not null and l.__f is distinct from r.__f), "
                + dialect.listAgg(keyText, "r.__p is null or l.__p is null or l.__f is distinct from r.__f", KEY_LIST_LIMIT + 1)
                + " from (" + fingerprinted(left) + ") l full outer join (" + fingerprinted(right) + ") r on " + keyJoin();
    }

    private String fingerprinted(SideSql side) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            items.add(side.comparable(plan.keys().get(i)) + " as __k" + i);
        }
        List<String> values = plan.values().stream().map(side::comparable).toList();
        items.add(dialect.fingerprint(values) + " as __f");
        items.add("1 as __p");
        return "select " + String.join(", ", items) + " from " + side.relation() + SideSql.whereClause(side.baseFilter(plan.keys(), true));
    }

    private String keyJoin() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            parts.add("l.__k" + i + " = r.__k" + i);
        }
        return String.join(" and ", parts);
    }

    /** The key as one text (parts joined by a separator), from the join's two sides. */
    private String keyText(String l, String r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            parts.add("cast(coalesce(" + l + ".__k" + i + ", " + r + ".__k" + i + ") as " + dialect.textType() + ")");
        }
        return String.join(" || " + dialect.chr(31) + " || ", parts);
    }

    private String keyTextOf(SideSql side) {
        List<String> parts = new ArrayList<>();
        for (ColumnPair k : plan.keys()) {
            parts.add("cast(" + side.comparable(k) + " as " + dialect.textType() + ")");
        }
        return String.join(" || " + dialect.chr(31) + " || ", parts);
    }

    /** The differing keys as SQL literals, or null when there are too many to narrow the second join with. */
    private List<String> keyList(Object list, long expected) {
        if (!(list instanceof List<?> items) || expected > KEY_LIST_LIMIT || items.size() != expected) {
            return null;
        }
        List<String> literals = new ArrayList<>(items.size());
        for (Object o : items) {
            literals.add(numericKey() ? Long.toString(Queries.asLong(o)) : dialect.literal(String.valueOf(o)));
        }
        return literals;
    }

    /** The rows that differ, with per-column flags and both sides' values. */
    private String secondJoin(List<String> keys) {
        List<String> items = new ArrayList<>();
        items.add("case when r.__p is null then 'removed' when l.__p is null then 'added' else 'changed' end as __kind");
        for (int i = 0; i < plan.keys().size(); i++) {
            items.add("coalesce(l.__k" + i + ", r.__k" + i + ") as __k" + i);
            items.add("l.__x" + i + " as __lx" + i);
            items.add("r.__x" + i + " as __rx" + i);
        }
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < plan.values().size(); i++) {
            items.add("l.__v" + i + " as __lv" + i);
            items.add("r.__v" + i + " as __rv" + i);
            String flag = "case when l.__p is not null and r.__p is not null and " + differs(plan.values().get(i), i) + " then 1 else 0 end";
            items.add(flag + " as __d" + i);
            flags.add("__d" + i);
        }
        String changedFilter = flags.isEmpty() ? "" : " or (" + String.join(" + ", flags) + ") > 0";
        return "select * from (select " + String.join(", ", items) + " from (" + valued(left, keys) + ") l full outer join ("
                + valued(right, keys) + ") r on " + keyJoin() + ") j where __kind <> 'changed'" + changedFilter;
    }

    private String differs(ColumnPair p, int i) {
        String base = "l.__c" + i + " is distinct from r.__c" + i;
        if (!options.hasTolerance() || !p.comparison().numeric()) {
            return "(" + base + ")";
        }
        String a = "l.__n" + i;
        String b = "r.__n" + i;
        String tolerance = "cast(" + options.absoluteTolerance() + " as " + dialect.doubleType() + ") + cast(" + options.relativeTolerance()
                + " as " + dialect.doubleType() + ") * greatest(abs(" + a + "), abs(" + b + "))";
        return "(" + base + " and not (" + a + " is not null and " + b + " is not null and abs(" + a + " - " + b + ") <= " + tolerance + "))";
    }

    private String valued(SideSql side, List<String> keys) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            ColumnPair k = plan.keys().get(i);
            items.add(side.comparable(k) + " as __k" + i);
            items.add(side.column(k) + " as __x" + i);
        }
        for (int i = 0; i < plan.values().size(); i++) {
            ColumnPair v = plan.values().get(i);
            items.add(side.comparable(v) + " as __c" + i);
            items.add(side.column(v) + " as __v" + i);
            if (options.hasTolerance() && v.comparison().numeric()) {
                items.add(side.asDouble(v) + " as __n" + i);
            }
        }
        items.add("1 as __p");
        String filter = side.baseFilter(plan.keys(), true);
        if (keys != null) {
            filter = SideSql.and(filter, numericKey()
                    ? dialect.inNumbers(side.comparable(plan.keys().get(0)), keys.stream().map(Long::parseLong).toList())
                    : dialect.inList(keyTextOf(side), keys));
        }
        return "select " + String.join(", ", items) + " from " + side.relation() + SideSql.whereClause(filter);
    }

    private String aggregate(String temp) {
        StringBuilder sb = new StringBuilder("select __kind, count(*)");
        for (int i = 0; i < plan.values().size(); i++) {
            sb.append(", sum(__d").append(i).append(')');
        }
        return sb.append(" from ").append(dialect.quote(temp)).append(" group by __kind").toString();
    }

    /** Repeated keys among rows only one side has: a join cannot see those as extra matches. */
    private void checkExclusiveDuplicates(String temp) {
        String key = plan.keys().size() == 1 ? "__k0" : "row(" + String.join(", ", keyColumns("__k")) + ")";
        String sql = "select __kind, count(*) - count(distinct " + key + ") from " + dialect.quote(temp)
                + " where __kind <> 'changed' group by __kind";
        for (List<Object> row : Queries.rows(connection, sql, "the differing rows")) {
            if (Queries.asLong(row.get(1)) > 0) {
                throw "removed".equals(row.get(0)) ? duplicates(left, leftDisplay) : duplicates(right, rightDisplay);
            }
        }
    }

    private List<String> keyColumns(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            out.add(prefix + i);
        }
        return out;
    }

    private String orderByKeys() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < plan.keys().size(); i++) {
            parts.add(left.ordered(plan.keys().get(i), "__k" + i));
        }
        return String.join(", ", parts);
    }

    private List<Sample> samples(String temp) {
        String sql = "select * from (select *, row_number() over (partition by __kind order by " + orderByKeys() + ") as __rn from "
                + dialect.quote(temp) + ") s where __rn <= " + options.sampleSize() + " order by __kind, " + orderByKeys();
        List<List<Object>> rows = Queries.rows(connection, sql, "the differing rows");
        List<Sample> changed = new ArrayList<>();
        List<Sample> added = new ArrayList<>();
        List<Sample> removed = new ArrayList<>();
        int keyCount = plan.keys().size();
        for (List<Object> row : rows) {
            // columns: __kind, then per key (__k, __lx, __rx), then per value (__lv, __rv, __d), then __rn
            SampleKind kind = SampleKind.valueOf(row.get(0).toString().toUpperCase(java.util.Locale.ROOT));
            Map<String, Object> key = new LinkedHashMap<>();
            Map<String, Object> l = new LinkedHashMap<>();
            Map<String, Object> r = new LinkedHashMap<>();
            for (int i = 0; i < keyCount; i++) {
                Object lx = row.get(1 + 3 * i + 1);
                Object rx = row.get(1 + 3 * i + 2);
                String name = plan.keys().get(i).name();
                key.put(name, kind == SampleKind.ADDED ? rx : lx);
                l.put(name, lx);
                r.put(name, rx);
            }
            List<String> changedColumns = new ArrayList<>();
            int base = 1 + 3 * keyCount;
            for (int i = 0; i < plan.values().size(); i++) {
                String name = plan.values().get(i).name();
                l.put(name, row.get(base + 3 * i));
                r.put(name, row.get(base + 3 * i + 1));
                if (Queries.asLong(row.get(base + 3 * i + 2)) == 1) {
                    changedColumns.add(name);
                }
            }
            switch (kind) {
                case CHANGED -> changed.add(new Sample(kind, key, l, r, changedColumns));
                case ADDED -> added.add(new Sample(kind, key, null, r, List.of()));
                case REMOVED -> removed.add(new Sample(kind, key, l, null, List.of()));
            }
        }
        List<Sample> out = new ArrayList<>(added);
        out.addAll(removed);
        out.addAll(changed);
        return out;
    }

    /** Writes the differing rows to the requested table: the kind, the key, then each column's left and right values. */
    private void materialize(String temp) {
        String target = Names.relation(dialect, RelationName.parse(options.materializeTable()));
        List<String> items = new ArrayList<>();
        items.add("__kind as " + dialect.quote("diff_kind"));
        for (int i = 0; i < plan.keys().size(); i++) {
            items.add("coalesce(__lx" + i + ", __rx" + i + ") as " + dialect.quote(plan.keys().get(i).name()));
        }
        for (int i = 0; i < plan.values().size(); i++) {
            String name = plan.values().get(i).name();
            items.add("__lv" + i + " as " + dialect.quote(name + "_left"));
            items.add("__rv" + i + " as " + dialect.quote(name + "_right"));
        }
        Queries.run(connection, "drop table if exists " + target, options.materializeTable());
        String sql = "create table " + target + " as select " + String.join(", ", items) + " from " + dialect.quote(temp)
                + " order by __kind, " + orderByKeys() + (options.limit() > 0 ? " limit " + options.limit() : "");
        Queries.run(connection, sql, options.materializeTable());
    }

    private DiffException duplicates(SideSql side, String display) {
        List<String> keys = plan.keys().stream().map(side::column).toList();
        String sql = "select " + String.join(", ", keys) + ", count(*) from " + side.relation()
                + SideSql.whereClause(side.baseFilter(plan.keys(), true)) + " group by " + String.join(", ", keys)
                + " having count(*) > 1 order by count(*) desc limit 5";
        List<String> examples = new ArrayList<>();
        long shown = 0;
        for (List<Object> row : Queries.rows(connection, sql, display)) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                parts.add(String.valueOf(row.get(i)));
            }
            examples.add("(" + String.join(", ", parts) + ") x" + row.get(keys.size()));
            shown++;
        }
        return new DiffException(DiffErrorCode.DUPLICATE_KEYS, display + " has rows sharing a key (" + keyNames(side) + ")"
                + (shown == 0 ? "" : ", e.g. " + String.join(", ", examples))
                + "; a diff by key needs a unique key. Add key columns until it is unique, or deduplicate the relation");
    }

    private String keyNames(SideSql side) {
        return String.join(", ", plan.keys().stream().map(k -> side.left() ? k.left() : k.right()).toList());
    }
}

package io.slipway.diff.hash;

import io.slipway.diff.DiffOptions;
import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;
import io.slipway.diff.report.Sample;
import io.slipway.diff.report.SampleKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the differences found among fetched rows and keeps the first samples of each kind in key order.
 * Values are compared in their canonical forms, NULL equal to NULL; numbers within the tolerance are
 * equal, as in the join diff's SQL.
 */
final class Tally {
    private final DiffOptions options;
    private final List<ColumnPair> keys;
    private final List<ColumnPair> values;
    private final Comparator<List<Object>> order;
    private final Map<SampleKind, TreeMap<List<Object>, Sample>> samples = new LinkedHashMap<>();
    private final long[] valueChanged;
    private final List<Differing> differing = new ArrayList<>();
    private long added;
    private long removed;
    private long changed;

    /** A differing row kept for the materialized table. */
    record Differing(SampleKind kind, FetchedRow left, FetchedRow right) {
    }

    Tally(DiffOptions options, List<ColumnPair> keys, List<ColumnPair> values) {
        this.options = options;
        this.keys = keys;
        this.values = values;
        this.order = new KeyOrder(keys);
        this.valueChanged = new long[values.size()];
        for (SampleKind kind : SampleKind.values()) {
            samples.put(kind, new TreeMap<>(order));
        }
    }

    synchronized void added(FetchedRow right) {
        added++;
        keep(SampleKind.ADDED, right.key(), () -> new Sample(SampleKind.ADDED, key(right), null, row(right), List.of()));
        remember(SampleKind.ADDED, null, right);
    }

    synchronized void removed(FetchedRow left) {
        removed++;
        keep(SampleKind.REMOVED, left.key(), () -> new Sample(SampleKind.REMOVED, key(left), row(left), null, List.of()));
        remember(SampleKind.REMOVED, left, null);
    }

    /** Compares a row present on both sides; counts it when it changed. */
    synchronized void both(FetchedRow left, FetchedRow right) {
        List<String> changedColumns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (differs(values.get(i).comparison(), left, right, i)) {
                changedColumns.add(values.get(i).name());
                valueChanged[i]++;
            }
        }
        if (changedColumns.isEmpty()) {
            return;
        }
        changed++;
        keep(SampleKind.CHANGED, left.key(), () -> new Sample(SampleKind.CHANGED, key(left), row(left), row(right), changedColumns));
        remember(SampleKind.CHANGED, left, right);
    }

    private boolean differs(Comparison comparison, FetchedRow left, FetchedRow right, int i) {
        Object a = left.canonical().get(i);
        Object b = right.canonical().get(i);
        if (equal(a, b)) {
            return false;
        }
        if (options.hasTolerance() && comparison.numeric()) {
            Object x = left.doubles().get(i);
            Object y = right.doubles().get(i);
            if (x != null && y != null) {
                double p = ((Number) x).doubleValue();
                double q = ((Number) y).doubleValue();
                double tolerance = options.absoluteTolerance() + options.relativeTolerance() * Math.max(Math.abs(p), Math.abs(q));
                return !(Math.abs(p - q) <= tolerance);
            }
        }
        return true;
    }

    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.equals(y) || x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
    }

    private void keep(SampleKind kind, List<Object> key, java.util.function.Supplier<Sample> sample) {
        if (options.sampleSize() == 0) {
            return;
        }
        TreeMap<List<Object>, Sample> kept = samples.get(kind);
        if (kept.size() < options.sampleSize()) {
            kept.put(key, sample.get());
        } else if (order.compare(key, kept.lastKey()) < 0) {
            kept.pollLastEntry();
            kept.put(key, sample.get());
        }
    }

    private void remember(SampleKind kind, FetchedRow left, FetchedRow right) {
        if (options.materializeTable() != null) {
            differing.add(new Differing(kind, left, right));
        }
    }

    private Map<String, Object> key(FetchedRow row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            out.put(keys.get(i).name(), row.keyRaw().get(i));
        }
        return out;
    }

    private Map<String, Object> row(FetchedRow row) {
        Map<String, Object> out = key(row);
        for (int i = 0; i < values.size(); i++) {
            out.put(values.get(i).name(), row.raw().get(i));
        }
        return out;
    }

    synchronized long differences() {
        return added + removed + changed;
    }

    long added() {
        return added;
    }

    long removed() {
        return removed;
    }

    long changed() {
        return changed;
    }

    long[] valueChanged() {
        return valueChanged.clone();
    }

    /** Samples: added, then removed, then changed, each in key order. */
    List<Sample> samples() {
        List<Sample> out = new ArrayList<>();
        out.addAll(samples.get(SampleKind.ADDED).values());
        out.addAll(samples.get(SampleKind.REMOVED).values());
        out.addAll(samples.get(SampleKind.CHANGED).values());
        return out;
    }

    /** The differing rows in key order (kept only when they are to be written to a table). */
    List<Differing> differing() {
        List<Differing> out = new ArrayList<>(differing);
        out.sort((x, y) -> order.compare((x.left() != null ? x.left() : x.right()).key(), (y.left() != null ? y.left() : y.right()).key()));
        return out;
    }
}

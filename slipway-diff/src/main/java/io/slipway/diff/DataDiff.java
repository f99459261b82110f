package io.slipway.diff;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.AdapterConnection;
import io.slipway.adapter.AdapterException;
import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.RelationInfo;
import io.slipway.diff.hash.HashDiff;
import io.slipway.diff.join.JoinDiff;
import io.slipway.diff.plan.ColumnMatcher;
import io.slipway.diff.plan.DiffPlan;
import io.slipway.diff.plan.SchemaEntry;
import io.slipway.diff.report.ColumnDiff;
import io.slipway.diff.report.RowCounts;
import io.slipway.diff.report.TableDiff;
import io.slipway.diff.sql.Dialect;
import io.slipway.diff.sql.Dialects;
import io.slipway.diff.sql.Queries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two relations by primary key. Both in one warehouse ({@link DiffTarget}s sharing an adapter):
 * a join diff; in two warehouses: a hash diff. Either way the result is the same {@link TableDiff}.
 * Safe to use from several threads for different pairs; the caller owns the adapters.
 */
public final class DataDiff {
    private final DiffOptions options;

    public DataDiff(DiffOptions options) {
        this.options = options;
    }

    /**
     * Diffs {@code left} (production) against {@code right} (the change).
     *
     * @throws DiffException when a relation or key column is missing, keys are NULL or duplicated, types
     *                       cannot be compared, or the warehouse fails
     */
    public TableDiff compare(DiffTarget left, DiffTarget right) {
        if (options.key().isEmpty()) {
            throw new DiffException(DiffErrorCode.USAGE, "no primary key: name the key columns with --key (several for a composite key)");
        }
        boolean oneWarehouse = left.adapter() == right.adapter();
        Algorithm algorithm = options.algorithm() == Algorithm.AUTO ? (oneWarehouse ? Algorithm.JOIN : Algorithm.HASH) : options.algorithm();
        if (algorithm == Algorithm.JOIN && !oneWarehouse) {
            throw new DiffException(DiffErrorCode.USAGE, "a join diff needs both relations in one warehouse; "
                    + left.relation() + " and " + right.relation() + " are in two, so use --algorithm hash (or auto)");
        }
        try (AdapterConnection leftConnection = open(left.adapter(), "diff-left");
             AdapterConnection rightConnection = open(right.adapter(), "diff-right")) {
            Dialect leftDialect = Dialects.of(left.adapter().type(), leftConnection);
            Dialect rightDialect = oneWarehouse ? leftDialect : Dialects.of(right.adapter().type(), rightConnection);
            Resolved l = resolve(left, leftConnection, leftDialect);
            Resolved r = resolve(right, rightConnection, rightDialect);
            boolean sameDialect = leftDialect.name().equals(rightDialect.name());
            DiffPlan plan = new ColumnMatcher(options, sameDialect)
                    .plan(l.sql(), l.display(), l.columns(), r.sql(), r.display(), r.columns());
            DiffOutcome outcome = algorithm == Algorithm.JOIN
                    ? new JoinDiff(options, plan, leftConnection, leftDialect, l.display(), r.display()).run()
                    : new HashDiff(options, plan, left.adapter(), leftDialect, l.display(), right.adapter(), rightDialect, r.display()).run();
            List<String> notes = new ArrayList<>(plan.notes());
            notes.addAll(outcome.notes());
            return new TableDiff(null, l.display(), r.display(), plan.keys().stream().map(k -> k.name()).toList(), outcome.rows(),
                    columns(plan, outcome), outcome.samples(), outcome.keyChecks(), algorithm.name().toLowerCase(java.util.Locale.ROOT),
                    outcome.complete(), notes, null);
        }
    }

    /**
     * The schema diff and row counts only, for a pair with no known key.
     *
     * @param note why there is no row diff (shown to the user)
     */
    public TableDiff schemaOnly(DiffTarget left, DiffTarget right, String note) {
        try (AdapterConnection leftConnection = open(left.adapter(), "diff-left");
             AdapterConnection rightConnection = open(right.adapter(), "diff-right")) {
            Dialect leftDialect = Dialects.of(left.adapter().type(), leftConnection);
            Dialect rightDialect = left.adapter() == right.adapter() ? leftDialect : Dialects.of(right.adapter().type(), rightConnection);
            Resolved l = resolve(left, leftConnection, leftDialect);
            Resolved r = resolve(right, rightConnection, rightDialect);
            DiffPlan plan = new ColumnMatcher(options, leftDialect.name().equals(rightDialect.name()))
                    .planWithoutKey(l.sql(), l.display(), l.columns(), r.sql(), r.display(), r.columns());
            long leftRows = count(leftConnection, l, options.where());
            long rightRows = count(rightConnection, r, options.where());
            List<ColumnDiff> columns = new ArrayList<>();
            for (SchemaEntry e : plan.schema()) {
                columns.add(new ColumnDiff(e.name(), e.status(), typeName(e.leftType()), typeName(e.rightType()), null, null));
            }
            List<String> notes = new ArrayList<>(plan.notes());
            notes.add(note);
            return new TableDiff(null, l.display(), r.display(), List.of(), new RowCounts(leftRows, rightRows, null, null, null, null),
                    columns, List.of(), null, "schema", true, notes, null);
        }
    }

    private static long count(AdapterConnection c, Resolved r, String where) {
        String sql = "select count(*) from " + r.sql() + (where == null || where.isBlank() ? "" : " where " + where);
        return Queries.asLong(Queries.rows(c, sql, r.display()).get(0).get(0));
    }

    private static List<ColumnDiff> columns(DiffPlan plan, DiffOutcome outcome) {
        long both = outcome.rows().changed() + outcome.rows().unchanged();
        long[] changed = outcome.valueChanged();
        List<ColumnDiff> out = new ArrayList<>();
        for (SchemaEntry e : plan.schema()) {
            Long n = null;
            Double rate = null;
            if (e.pair() != null) {
                int index = plan.values().indexOf(e.pair());
                n = index < 0 ? 0L : changed[index];
                rate = both == 0 ? null : (double) (both - n) / both;
            }
            out.add(new ColumnDiff(e.name(), e.status(), typeName(e.leftType()), typeName(e.rightType()), n, rate));
        }
        return out;
    }

    private static String typeName(io.slipway.diff.plan.SqlType t) {
        return t == null ? null : t.name();
    }

    private static AdapterConnection open(Adapter adapter, String name) {
        try {
            return adapter.open(name);
        } catch (AdapterException e) {
            throw new DiffException(DiffErrorCode.DATABASE_ERROR, "could not connect: " + e.getMessage(), e);
        }
    }

    /** A relation found in its warehouse, with its columns. */
    private record Resolved(String sql, String display, List<ColumnInfo> columns) {
    }

    private static Resolved resolve(DiffTarget target, AdapterConnection connection, Dialect dialect) {
        RelationName name = target.relation();
        String schema = name.schema() != null ? name.schema() : target.adapter().defaultSchema();
        Optional<RelationInfo> info;
        try {
            info = connection.getRelation(name.database(), schema, name.identifier());
        } catch (AdapterException e) {
            throw new DiffException(DiffErrorCode.DATABASE_ERROR, "could not look up " + name + ": " + e.getMessage(), e);
        }
        if (info.isEmpty()) {
            String where = (name.database() != null ? name.database() + "." : "") + schema;
            List<String> there;
            try {
                there = connection.listRelations(name.database(), schema).stream().map(RelationInfo::identifier).limit(20).toList();
            } catch (AdapterException e) {
                there = List.of();
            }
            throw new DiffException(DiffErrorCode.MISSING_RELATION, "relation " + name + " does not exist (looked in " + where + ")"
                    + (there.isEmpty() ? "; that schema has no relations" : "; relations there: " + String.join(", ", there)));
        }
        RelationInfo r = info.get();
        List<ColumnInfo> columns = connection.getColumns(r.database(), r.schema(), r.identifier());
        return new Resolved(dialect.relation(r), name.toString(), columns);
    }
}

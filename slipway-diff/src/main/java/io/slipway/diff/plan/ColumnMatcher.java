package io.slipway.diff.plan;

import io.slipway.adapter.ColumnInfo;
import io.slipway.diff.DiffErrorCode;
import io.slipway.diff.DiffException;
import io.slipway.diff.DiffOptions;
import io.slipway.diff.report.ColumnStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs the columns of two relations (by name, through the rename map, optionally ignoring case), decides
 * how each pair is compared, and builds the schema diff. Errors name the relation and list its columns.
 */
public final class ColumnMatcher {
    private final DiffOptions options;
    private final boolean sameDialect;

    /**
     * @param sameDialect both relations live in the same kind of warehouse
     */
    public ColumnMatcher(DiffOptions options, boolean sameDialect) {
        this.options = options;
        this.sameDialect = sameDialect;
    }

    /**
     * Builds the plan.
     *
     * @param leftSql      the left relation quoted for SQL
     * @param leftDisplay  the left relation as reported
     * @param leftColumns  the left relation's columns in order
     */
    public DiffPlan plan(String leftSql, String leftDisplay, List<ColumnInfo> leftColumns,
                         String rightSql, String rightDisplay, List<ColumnInfo> rightColumns) {
        return build(leftSql, leftDisplay, leftColumns, rightSql, rightDisplay, rightColumns, options.key());
    }

    /** The schema diff alone, for relations with no known key (key columns are treated as any other). */
    public DiffPlan planWithoutKey(String leftSql, String leftDisplay, List<ColumnInfo> leftColumns,
                                   String rightSql, String rightDisplay, List<ColumnInfo> rightColumns) {
        return build(leftSql, leftDisplay, leftColumns, rightSql, rightDisplay, rightColumns, List.of());
    }

    private DiffPlan build(String leftSql, String leftDisplay, List<ColumnInfo> leftColumns,
                           String rightSql, String rightDisplay, List<ColumnInfo> rightColumns, List<String> keyNames) {
        for (Map.Entry<String, String> rename : options.renames().entrySet()) {
            if (find(leftColumns, rename.getKey()).isEmpty()) {
                throw missing(DiffErrorCode.MISSING_COLUMN, "renamed column", rename.getKey(), leftDisplay, leftColumns);
            }
            if (find(rightColumns, rename.getValue()).isEmpty()) {
                throw missing(DiffErrorCode.MISSING_COLUMN, "renamed column", rename.getValue(), rightDisplay, rightColumns);
            }
        }
        List<ColumnPair> keys = new ArrayList<>();
        Set<String> keyLeft = new HashSet<>();
        for (String key : keyNames) {
            ColumnInfo l = find(leftColumns, key)
                    .orElseThrow(() -> missing(DiffErrorCode.MISSING_KEY_COLUMN, "key column", key, leftDisplay, leftColumns));
            String rightName = rightNameOf(l.name(), key);
            ColumnInfo r = find(rightColumns, rightName)
                    .orElseThrow(() -> missing(DiffErrorCode.MISSING_KEY_COLUMN, "key column", rightName, rightDisplay, rightColumns));
            SqlType lt = SqlType.parse(l.dataType());
            SqlType rt = SqlType.parse(r.dataType());
            Comparison comparison = Comparison.of(lt, rt, sameDialect, options.floatPrecision())
                    .filter(c -> c.kind() != Comparison.Kind.OTHER || sameDialect)
                    .orElseThrow(() -> new DiffException(DiffErrorCode.INCOMPARABLE_TYPES,
                            "key column '" + key + "' is " + lt.name() + " in " + leftDisplay + " but " + rt.name() + " in " + rightDisplay
                                    + "; these types cannot be compared, so rows cannot be matched by key. Cast one side in a view, or key on other columns"));
            if (!keyLeft.add(l.name())) {
                throw new DiffException(DiffErrorCode.USAGE, "key column '" + key + "' is named twice in --key");
            }
            keys.add(new ColumnPair(l.name(), l.name(), r.name(), lt, rt, comparison));
        }
        for (String c : options.columns()) {
            if (find(leftColumns, c).isEmpty() && find(rightColumns, rightNameOf(c, c)).isEmpty()) {
                throw new DiffException(DiffErrorCode.MISSING_COLUMN, "column '" + c + "' given in --columns is in neither " + leftDisplay
                        + " nor " + rightDisplay + "; columns of " + leftDisplay + ": " + names(leftColumns));
            }
        }
        List<SchemaEntry> schema = new ArrayList<>();
        List<ColumnPair> values = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> pairedRight = new HashSet<>();
        for (ColumnInfo l : leftColumns) {
            Optional<ColumnInfo> r = find(rightColumns, rightNameOf(l.name(), l.name()));
            r.ifPresent(c -> pairedRight.add(c.name()));
            if (keyLeft.contains(l.name())) {
                ColumnPair key = keys.stream().filter(k -> k.left().equals(l.name())).findFirst().orElseThrow();
                schema.add(new SchemaEntry(l.name(), status(key.leftType(), key.rightType()), key.leftType(), key.rightType(), key, null));
                continue;
            }
            if (!selected(l.name())) {
                continue;
            }
            SqlType lt = SqlType.parse(l.dataType());
            if (r.isEmpty()) {
                schema.add(new SchemaEntry(l.name(), ColumnStatus.REMOVED, lt, null, null, null));
                continue;
            }
            SqlType rt = SqlType.parse(r.get().dataType());
            Optional<Comparison> comparison = Comparison.of(lt, rt, sameDialect, options.floatPrecision());
            if (comparison.isEmpty()) {
                if (explicitlySelected(l.name())) {
                    throw new DiffException(DiffErrorCode.INCOMPARABLE_TYPES, "column '" + l.name() + "' is " + lt.name() + " in " + leftDisplay
                            + " but " + rt.name() + " in " + rightDisplay + "; these types cannot be compared."
                            + " Leave it out with --exclude-columns " + l.name() + ", or cast one side in a view");
                }
                String note = "not compared: " + lt.name() + " and " + rt.name() + " have no common form";
                schema.add(new SchemaEntry(l.name(), ColumnStatus.TYPE_CHANGED, lt, rt, null, note));
                notes.add("column " + l.name() + " " + note);
                continue;
            }
            ColumnPair pair = new ColumnPair(l.name(), l.name(), r.get().name(), lt, rt, comparison.get());
            precisionNote(pair).ifPresent(notes::add);
            values.add(pair);
            schema.add(new SchemaEntry(l.name(), status(lt, rt), lt, rt, pair, null));
        }
        for (ColumnInfo r : rightColumns) {
            if (!pairedRight.contains(r.name()) && selected(r.name())) {
                schema.add(new SchemaEntry(r.name(), ColumnStatus.ADDED, null, SqlType.parse(r.dataType()), null, null));
            }
        }
        return new DiffPlan(leftSql, rightSql, keys, values, schema, notes);
    }

    private static ColumnStatus status(SqlType l, SqlType r) {
        return l.sameAs(r) ? ColumnStatus.SAME : ColumnStatus.TYPE_CHANGED;
    }

    private Optional<String> precisionNote(ColumnPair pair) {
        Comparison c = pair.comparison();
        boolean reduced = switch (c.kind()) {
            case DECIMAL -> pair.leftType().kind() == ValueKind.DECIMAL && pair.rightType().kind() == ValueKind.DECIMAL
                    && pair.leftType().scale() != pair.rightType().scale();
            case TIMESTAMP, TIME -> pair.leftType().precision() != pair.rightType().precision()
                    && pair.leftType().kind() != ValueKind.DATE && pair.rightType().kind() != ValueKind.DATE;
            default -> false;
        };
        if (!reduced) {
            return Optional.empty();
        }
        String what = c.kind() == Comparison.Kind.DECIMAL ? c.digits() + " decimal places" : c.digits() + " fractional-second digits";
        return Optional.of("column " + pair.name() + " compared at " + what + " (" + pair.leftType().name() + " against "
                + pair.rightType().name() + ")");
    }

    private String rightNameOf(String leftName, String asGiven) {
        for (Map.Entry<String, String> rename : options.renames().entrySet()) {
            if (sameName(rename.getKey(), leftName) || sameName(rename.getKey(), asGiven)) {
                return rename.getValue();
            }
        }
        return leftName;
    }

    private boolean selected(String name) {
        boolean included = options.columns().isEmpty() || options.columns().stream().anyMatch(c -> sameName(c, name));
        return included && options.excludeColumns().stream().noneMatch(c -> sameName(c, name));
    }

    private boolean explicitlySelected(String name) {
        return options.columns().stream().anyMatch(c -> sameName(c, name));
    }

    private boolean sameName(String a, String b) {
        return options.caseInsensitive() ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** The column with this name: exact first, then ignoring case when the options say so. */
    private Optional<ColumnInfo> find(List<ColumnInfo> columns, String name) {
        for (ColumnInfo c : columns) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        if (options.caseInsensitive()) {
            List<ColumnInfo> matches = columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
            if (matches.size() > 1) {
                throw new DiffException(DiffErrorCode.USAGE, "column '" + name + "' matches " + names(matches)
                        + " when case is ignored; name it exactly and drop --case-insensitive");
            }
            return matches.stream().findFirst();
        }
        return Optional.empty();
    }

    private DiffException missing(DiffErrorCode code, String what, String name, String relation, List<ColumnInfo> columns) {
        String hint = "";
        if (!options.caseInsensitive() && columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(name))) {
            hint = " (a column differs only in case: use --case-insensitive)";
        }
        return new DiffException(code, what + " '" + name + "' is not in " + relation + hint + "; its columns are: " + names(columns));
    }

    private static String names(List<ColumnInfo> columns) {
        return String.join(", ", columns.stream().map(ColumnInfo::name).toList());
    }
}

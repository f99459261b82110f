package io.slipway.core.seed;

import io.slipway.adapter.Adapter;
import io.slipway.adapter.SeedColumnKind;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.PyObject;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A seed's CSV, typed: column names, their SQL types (inferred, or from the {@code column_types} config),
 * and rows of Java values ready to insert. What the seed materialization's {@code load_agate_table()}
 * returns to templates ({@code seed_table.columns}, {@code column.quoted_name}, {@code column.data_type}).
 */
public final class SeedTable implements PyObject {
    private final List<Column> columns;
    private final List<List<Object>> rows;

    /** One column: its name as written, how it is written in SQL, and its SQL type. */
    public record Column(String name, String quotedName, String dataType, SeedColumnKind kind) implements PyObject {
        @Override
        public Object getAttr(String attr) {
            return switch (attr) {
                case "name" -> name;
                case "quoted_name" -> quotedName;
                case "data_type" -> dataType;
                default -> MISSING;
            };
        }
    }

    private SeedTable(List<Column> columns, List<List<Object>> rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    /**
     * Reads and types a seed.
     *
     * @param columnTypes  the {@code column_types} config: column name to SQL type
     * @param quoteColumns whether column names are quoted in SQL ({@code quote_columns})
     */
    public static SeedTable load(String csv, String file, char delimiter, Map<String, Object> columnTypes, boolean quoteColumns, Adapter adapter) {
        List<List<String>> records = CsvReader.read(csv, delimiter, file);
        if (records.isEmpty()) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "seed " + file + " is empty: it needs a header row", file, 1);
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != header.size()) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "row " + (r + 1) + " of seed " + file + " has " + records.get(r).size()
                        + " values but the header has " + header.size() + " columns", file, r + 1);
            }
        }
        List<Column> columns = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                throw new SlipwayException(ErrorCode.PROJECT_INVALID, "column " + (c + 1) + " of seed " + file + " has no name in the header", file, 1);
            }
            int index = c;
            List<String> values = new AbstractList<>() {
                @Override
                public String get(int i) {
                    return records.get(i + 1).get(index);
                }

                @Override
                public int size() {
                    return records.size() - 1;
                }
            };
            String override = typeOverride(columnTypes, name);
            SeedColumnKind kind = override != null ? SeedColumnKind.TEXT : SeedTypeInference.infer(values);
            String type = override != null ? override : sqlType(kind, values, adapter);
            columns.add(new Column(name, quoteColumns ? adapter.quote(name) : name, type, kind));
        }
        List<List<Object>> rows = new ArrayList<>(records.size() - 1);
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            List<Object> row = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                String raw = record.get(c);
                row.add(SeedTypeInference.isNull(raw) ? null : SeedTypeInference.parse(columns.get(c).kind(), raw));
            }
            rows.add(row);
        }
        return new SeedTable(columns, rows);
    }

    private static String typeOverride(Map<String, Object> columnTypes, String name) {
        for (Map.Entry<String, Object> e : columnTypes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null) {
                return e.getValue().toString();
            }
        }
        return null;
    }

    /** Integers that overflow 32 bits get a 64-bit type; numbers with decimals get a float type, as dbt's float8. */
    private static String sqlType(SeedColumnKind kind, List<String> values, Adapter adapter) {
        if (kind == SeedColumnKind.INTEGER) {
            for (String v : values) {
                if (!SeedTypeInference.isNull(v)) {
                    Object parsed = SeedTypeInference.parse(kind, v);
                    if (!(parsed instanceof Long l) || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                        return "bigint";
                    }
                }
            }
        }
        if (kind == SeedColumnKind.NUMBER) {
            boolean decimals = false;
            for (String v : values) {
                if (!SeedTypeInference.isNull(v) && (v.contains(".") || v.toLowerCase(Locale.ROOT).contains("e"))) {
                    decimals = true;
                    break;
                }
            }
            if (!decimals) {
                return adapter.seedColumnType(SeedColumnKind.INTEGER);
            }
        }
        return adapter.seedColumnType(kind);
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Object>> rows() {
        return rows;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "columns" -> new ArrayList<Object>(columns);
            case "column_names" -> new ArrayList<Object>(columns.stream().map(Column::name).toList());
            case "rows" -> new ArrayList<Object>(rows);
            default -> MISSING;
        };
    }

    @Override
    public String repr() {
        return "<SeedTable " + columns.size() + " columns, " + rows.size() + " rows>";
    }

    /** Rows as inserted: numbers with decimals stay exact (BigDecimal); the warehouse casts them to the column type. */
    public long rowCount() {
        return rows.size();
    }

    /** The quoted column names, in order. */
    public List<String> quotedNames() {
        return columns.stream().map(Column::quotedName).toList();
    }
}

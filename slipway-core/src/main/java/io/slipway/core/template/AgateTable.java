package io.slipway.core.template;

import io.slipway.adapter.ColumnInfo;
import io.slipway.adapter.QueryResult;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table {@code run_query} and {@code load_result(...).table} return, shaped like the agate tables dbt
 * gives templates: {@code rows} (each indexable by position or column name), {@code columns} (each with
 * {@code values()}), {@code column_names}, {@code print_table()}.
 */
public final class AgateTable implements PyObject {
    private final List<String> names;
    private final List<String> types;
    private final List<Object> rows;

    public AgateTable(QueryResult result) {
        this.names = result.columns().stream().map(ColumnInfo::name).toList();
        this.types = result.columns().stream().map(ColumnInfo::dataType).toList();
        List<Object> rowValues = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            rowValues.add(new Row(names, numbers(row)));
        }
        this.rows = rowValues;
    }

    /** agate hands numbers to templates as Decimal; Slipway keeps integers as ints and other numbers as Decimal. */
    private static List<Object> numbers(List<Object> row) {
        List<Object> out = new ArrayList<>(row.size());
        for (Object v : row) {
            out.add(v instanceof Double d && !d.isNaN() && !d.isInfinite() ? BigDecimal.valueOf(d) : v);
        }
        return out;
    }

    public List<String> columnNames() {
        return names;
    }

    public List<Object> rows() {
        return rows;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "rows" -> rows;
            case "column_names" -> PyTuple.copyOf(names);
            case "column_types" -> PyTuple.copyOf(types);
            case "columns" -> columns();
            case "print_table" -> (JinjaCallable) (ctx, args) -> "";
            case "__len__" -> (long) rows.size();
            default -> MISSING;
        };
    }

    private List<Object> columns() {
        List<Object> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            String columnName = names.get(i);
            out.add((PyObject) attr -> switch (attr) {
                case "name" -> columnName;
                case "values" -> (JinjaCallable) (ctx, args) -> {
                    List<Object> values = new ArrayList<>(rows.size());
                    for (Object row : rows) {
                        values.add(((Row) row).get(index));
                    }
                    return PyTuple.copyOf(values);
                };
                default -> PyObject.MISSING;
            });
        }
        return out;
    }

    @Override
    public String repr() {
        return "<agate.Table " + names + " " + rows.size() + " rows>";
    }

    /** One row: a tuple of values, also addressable by column name. */
    public static final class Row extends AbstractList<Object> implements PyObject {
        private final List<String> names;
        private final List<Object> values;

        Row(List<String> names, List<Object> values) {
            this.names = names;
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values.get(index);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object getItem(Object key) {
            if (key instanceof Number n) {
                int i = n.intValue();
                return i < 0 ? values.get(values.size() + i) : values.get(i);
            }
            int i = names.indexOf(Py.str(key));
            return i < 0 ? MISSING : values.get(i);
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "keys" -> (JinjaCallable) (ctx, args) -> PyTuple.copyOf(names);
                case "values" -> (JinjaCallable) (ctx, args) -> PyTuple.copyOf(values);
                case "items", "dict" -> (JinjaCallable) (ctx, args) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        m.put(names.get(i), values.get(i));
                    }
                    return name.equals("dict") ? m : new ArrayList<>(m.entrySet().stream().map(e -> (Object) PyTuple.of(e.getKey(), e.getValue())).toList());
                };
                default -> {
                    int i = names.indexOf(name);
                    yield i < 0 ? MISSING : values.get(i);
                }
            };
        }

        @Override
        public String repr() {
            return "<agate.Row: " + Py.repr(PyTuple.copyOf(values)) + ">";
        }
    }
}

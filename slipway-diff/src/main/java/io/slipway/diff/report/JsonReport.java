package io.slipway.diff.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * {@code --output json}: the schema of issue 6, documented in {@code docs/diff.md}. The listed fields
 * come first and in the listed order; {@code key_checks}, {@code algorithm}, {@code complete},
 * {@code notes} and {@code error} follow them, and columns carry their types.
 */
public final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    public static String render(DiffReport report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new Printer());
            g.writeStartObject();
            g.writeArrayFieldStart("diffs");
            for (TableDiff d : report.diffs()) {
                writeDiff(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void writeDiff(JsonGenerator g, TableDiff d) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", d.model());
        g.writeStringField("left", d.left());
        g.writeStringField("right", d.right());
        g.writeArrayFieldStart("primary_key");
        for (String k : d.primaryKey()) {
            g.writeString(k);
        }
        g.writeEndArray();
        if (d.rows() == null) {
            g.writeNullField("rows");
        } else {
            g.writeObjectFieldStart("rows");
            g.writeNumberField("left", d.rows().left());
            g.writeNumberField("right", d.rows().right());
            number(g, "added", d.rows().added());
            number(g, "removed", d.rows().removed());
            number(g, "changed", d.rows().changed());
            number(g, "unchanged", d.rows().unchanged());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("columns");
        for (ColumnDiff c : d.columns()) {
            g.writeStartObject();
            g.writeStringField("name", c.name());
            g.writeStringField("status", c.status().label());
            number(g, "changed", c.changed());
            if (c.matchRate() == null) {
                g.writeNullField("match_rate");
            } else {
                g.writeNumberField("match_rate", c.matchRate());
            }
            g.writeStringField("left_type", c.leftType());
            g.writeStringField("right_type", c.rightType());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("samples");
        for (Sample s : d.samples()) {
            g.writeStartObject();
            g.writeStringField("kind", s.kind().label());
            g.writeFieldName("key");
            values(g, s.key());
            g.writeFieldName("left");
            values(g, s.left());
            g.writeFieldName("right");
            values(g, s.right());
            g.writeArrayFieldStart("changed_columns");
            for (String c : s.changedColumns()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (d.keyChecks() == null) {
            g.writeNullField("key_checks");
        } else {
            g.writeObjectFieldStart("key_checks");
            g.writeObjectFieldStart("left");
            g.writeNumberField("null_keys", d.keyChecks().leftNullKeys());
            number(g, "duplicate_rows", d.keyChecks().leftDuplicateRows());
            g.writeEndObject();
            g.writeObjectFieldStart("right");
            g.writeNumberField("null_keys", d.keyChecks().rightNullKeys());
            number(g, "duplicate_rows", d.keyChecks().rightDuplicateRows());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeStringField("algorithm", d.algorithm());
        g.writeBooleanField("complete", d.complete());
        g.writeArrayFieldStart("notes");
        for (String n : d.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeStringField("error", d.error());
        g.writeEndObject();
    }

    /** Two-space indents, {@code "key": value}, and {@code []} for an empty array, as people write JSON. */
    private static final class Printer extends DefaultPrettyPrinter {
        Printer() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public Printer createInstance() {
            return new Printer();
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, values);
            }
        }
    }

    private static void number(JsonGenerator g, String field, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    private static void values(JsonGenerator g, Map<String, Object> row) throws IOException {
        if (row == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Object> e : row.entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(ValueFormat.text(v));
        }
    }
}

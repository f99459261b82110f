package io.slipway.core.template;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dbt's {@code Column}: a name and a warehouse type, with the helpers macros call ({@code is_string()}, {@code quoted}, ...). */
public record ColumnValue(String name, String dataType, char quoteChar) implements PyObject {
    private static final Pattern SIZED = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9 _]*?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)\\s*$");

    public String quoted() {
        return quoteChar + name.replace(String.valueOf(quoteChar), "" + quoteChar + quoteChar) + quoteChar;
    }

    private String baseType() {
        Matcher m = SIZED.matcher(dataType);
        return (m.matches() ? m.group(1) : dataType).trim().toLowerCase(Locale.ROOT);
    }

    public boolean isString() {
        String t = baseType();
        return t.equals("text") || t.equals("varchar") || t.equals("character varying") || t.equals("char")
                || t.equals("character") || t.equals("string") || t.equals("bpchar") || t.equals("nvarchar");
    }

    public boolean isInteger() {
        String t = baseType();
        return t.equals("integer") || t.equals("int") || t.equals("bigint") || t.equals("smallint") || t.equals("tinyint")
                || t.equals("int2") || t.equals("int4") || t.equals("int8") || t.equals("hugeint") || t.equals("serial")
                || t.equals("bigserial") || t.equals("ubigint") || t.equals("uinteger") || t.equals("usmallint") || t.equals("utinyint");
    }

    public boolean isFloat() {
        String t = baseType();
        return t.equals("real") || t.equals("float") || t.equals("float4") || t.equals("float8") || t.equals("double")
                || t.equals("double precision");
    }

    public boolean isNumeric() {
        String t = baseType();
        return t.equals("numeric") || t.equals("decimal");
    }

    private Long size(int group) {
        Matcher m = SIZED.matcher(dataType);
        if (m.matches() && m.group(group) != null) {
            return Long.parseLong(m.group(group));
        }
        return null;
    }

    @Override
    public Object getAttr(String attr) {
        return switch (attr) {
            case "name", "column" -> name;
            case "quoted" -> quoted();
            case "data_type", "expanded_data_type" -> dataType;
            case "dtype" -> dataType.toUpperCase(Locale.ROOT).equals(dataType) ? dataType : dataType;
            case "char_size" -> isString() ? size(2) : null;
            case "numeric_precision" -> isNumeric() ? size(2) : null;
            case "numeric_scale" -> isNumeric() ? size(3) : null;
            case "is_string" -> (JinjaCallable) (ctx, args) -> isString();
            case "is_integer" -> (JinjaCallable) (ctx, args) -> isInteger();
            case "is_float" -> (JinjaCallable) (ctx, args) -> isFloat();
            case "is_numeric" -> (JinjaCallable) (ctx, args) -> isNumeric();
            case "is_number" -> (JinjaCallable) (ctx, args) -> isInteger() || isFloat() || isNumeric();
            case "string_size" -> (JinjaCallable) (ctx, args) -> {
                Long s = size(2);
                return s == null ? 256L : s;
            };
            case "string_type" -> (JinjaCallable) (ctx, args) -> "character varying(" + args.get(0, "size", 256L) + ")";
            case "can_expand_to" -> (JinjaCallable) (ctx, args) -> {
                Object other = args.get(0, "other_column", null);
                if (!(other instanceof ColumnValue o) || !isString() || !o.isString()) {
                    return false;
                }
                Long mine = size(2);
                Long theirs = o.size(2);
                return mine != null && theirs != null && theirs > mine;
            };
            default -> MISSING;
        };
    }

    @Override
    public String repr() {
        return "<Column " + name + " (" + dataType + ")>";
    }
}

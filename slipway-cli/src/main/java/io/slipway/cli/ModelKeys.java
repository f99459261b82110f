package io.slipway.cli;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dbt model's primary key, from what the project declares, first found wins: the model's {@code meta}
 * ({@code primary_key}, or {@code datafold: {datadiff: {primary-key: ...}}}), columns whose {@code meta}
 * has {@code primary_key: true}, a {@code unique} test on a column (or {@code dbt_utils.unique_combination_of_columns}),
 * the {@code unique_key} config. {@code primary-key} is read wherever {@code primary_key} is, as Datafold
 * spells it.
 *
 * @param columns the key columns, empty when none is declared
 * @param source  where it came from, for messages ({@code meta}, {@code column meta}, {@code unique test}, {@code unique_key})
 */
record ModelKeys(List<String> columns, String source) {
    static ModelKeys of(Node model, Manifest manifest) {
        Map<String, Object> meta = model.meta();
        List<String> fromMeta = names(first(meta, "primary_key", "primary-key"));
        if (fromMeta.isEmpty() && meta.get("datafold") instanceof Map<?, ?> datafold && datafold.get("datadiff") instanceof Map<?, ?> datadiff) {
            fromMeta = names(first(datadiff, "primary-key", "primary_key"));
        }
        if (!fromMeta.isEmpty()) {
            return new ModelKeys(fromMeta, "meta");
        }
        List<String> fromColumns = new ArrayList<>();
        for (ColumnSpec c : model.columns().values()) {
            if (Boolean.TRUE.equals(first(c.meta(), "primary_key", "primary-key"))) {
                fromColumns.add(c.name());
            }
        }
        if (!fromColumns.isEmpty()) {
            return new ModelKeys(fromColumns, "column meta");
        }
        List<String> fromTest = uniqueTest(model, manifest);
        if (!fromTest.isEmpty()) {
            return new ModelKeys(fromTest, "unique test");
        }
        List<String> fromConfig = names(model.config().get("unique_key"));
        if (!fromConfig.isEmpty()) {
            return new ModelKeys(fromConfig, "unique_key");
        }
        return new ModelKeys(List.of(), null);
    }

    /** What to tell a user whose model has no key. */
    static String howToDeclare(Node model) {
        return "no primary key is declared for " + model.name() + ", so only its schema and row counts are compared; declare one with"
                + " meta: {primary_key: [col]} on the model, meta: {primary_key: true} on key columns, a unique test on a column,"
                + " or a unique_key config";
    }

    private static Object first(Map<?, ?> map, String... keys) {
        for (String k : keys) {
            if (map.get(k) != null) {
                return map.get(k);
            }
        }
        return null;
    }

    /** A unique test on one plain column of the model (not an expression), or a unique combination of columns. */
    private static List<String> uniqueTest(Node model, Manifest manifest) {
        List<String> combination = List.of();
        List<String> unique = new ArrayList<>();
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType() != ResourceType.TEST || n.testMetadata() == null || !model.uniqueId().equals(n.attachedNode())) {
                continue;
            }
            String name = n.testMetadata().name();
            if (name.equals("unique") && n.columnName() != null && n.columnName().matches("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\"")) {
                unique.add(n.columnName().replace("\"", ""));
            } else if (name.equals("unique_combination_of_columns") && combination.isEmpty()) {
                combination = names(n.testMetadata().kwargs().get("combination_of_columns"));
            }
        }
        if (unique.isEmpty()) {
            return combination;
        }
        // several unique columns: the first in the model's column order (then by name) is the key
        List<String> documented = model.columns().keySet().stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
        unique.sort(java.util.Comparator.<String>comparingInt(c -> {
            int i = documented.indexOf(c.toLowerCase(java.util.Locale.ROOT));
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(c -> c));
        return List.of(unique.get(0));
    }

    /** A column name or a list of them (a comma-separated string is a list too, as unique_key allows). */
    private static List<String> names(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}

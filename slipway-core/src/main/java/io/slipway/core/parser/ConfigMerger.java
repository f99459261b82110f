package io.slipway.core.parser;

import io.slipway.core.manifest.ResourceType;
import io.slipway.core.project.Frozen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dbt's config precedence and merge rules: defaults, then the project file's config tree from the
 * outermost folder to the node itself, then properties files, then the node's {@code config()} call.
 * {@code tags} and hooks add up; dict configs ({@code meta}, {@code docs}, ...) merge key by key;
 * everything else is replaced.
 */
public final class ConfigMerger {
    /** Keys that, written without a leading {@code +} in the project file, are configs rather than folder names. */
    static final Set<String> KNOWN_KEYS = Set.of(
            "enabled", "tags", "meta", "materialized", "schema", "database", "alias", "pre-hook", "post-hook",
            "pre_hook", "post_hook", "persist_docs", "quoting", "column_types", "full_refresh", "unique_key",
            "on_schema_change", "on_configuration_change", "grants", "packages", "docs", "contract", "event_time",
            "incremental_strategy", "sql_header", "severity", "warn_if", "error_if", "fail_calc", "store_failures",
            "store_failures_as", "where", "limit", "quote_columns", "delimiter", "strategy", "updated_at", "check_cols",
            "target_schema", "target_database", "snapshot_meta_column_names", "hard_deletes", "invalidate_hard_deletes",
            "dbt_valid_to_current", "access", "group", "batch_size", "lookback", "begin", "concurrent_batches",
            "incremental_predicates", "predicates", "merge_update_columns", "merge_exclude_columns", "bind", "freshness",
            "loaded_at_field", "loaded_at_query", "static_analysis");

    private static final Set<String> ADDITIVE = Set.of("tags", "pre-hook", "post-hook");
    private static final Set<String> DICTS = Set.of("meta", "docs", "persist_docs", "quoting", "column_types", "grants", "contract",
            "snapshot_meta_column_names");

    private ConfigMerger() {
    }

    /** The config keys a project config tree sets for a node with this fqn, outermost first, as written. */
    public static Map<String, Object> fromProjectTree(Map<String, Object> tree, List<String> fqn) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> level = tree;
        mergeInto(out, configsAt(tree, fqn, 0));
        // the first fqn part is the package: the tree's top-level keys are package names
        for (int i = 0; i < fqn.size() && level != null; i++) {
            Object next = level.get(fqn.get(i));
            if (!(next instanceof Map)) {
                break;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> nextLevel = (Map<String, Object>) next;
            mergeInto(out, configsAt(nextLevel, fqn, i + 1));
            level = nextLevel;
        }
        return out;
    }

    /** The configs written at one level: {@code +key} entries, and known keys whose value is not a folder. */
    private static Map<String, Object> configsAt(Map<String, Object> level, List<String> fqn, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("+")) {
                out.put(normalize(key.substring(1)), e.getValue());
            } else if (KNOWN_KEYS.contains(key) && !(depth < fqn.size() && fqn.get(depth).equals(key))
                    && (!(e.getValue() instanceof Map) || DICTS.contains(key) || key.equals("freshness"))) {
                out.put(normalize(key), e.getValue());
            }
        }
        return out;
    }

    /** dbt accepts {@code pre_hook} for {@code pre-hook}. */
    public static String normalize(String key) {
        return switch (key) {
            case "pre_hook" -> "pre-hook";
            case "post_hook" -> "post-hook";
            default -> key;
        };
    }

    /** Merges {@code overlay} into {@code base} by dbt's rules. */
    public static void mergeInto(Map<String, Object> base, Map<String, Object> overlay) {
        for (Map.Entry<String, Object> e : overlay.entrySet()) {
            String key = normalize(e.getKey());
            Object value = e.getValue();
            if (ADDITIVE.contains(key)) {
                List<Object> merged = new ArrayList<>(asList(base.get(key)));
                for (Object v : asList(value)) {
                    merged.add(v);
                }
                if (key.equals("tags")) {
                    merged = new ArrayList<>(new LinkedHashSet<>(merged));
                }
                base.put(key, merged);
            } else if (DICTS.contains(key) && value instanceof Map<?, ?> m && base.get(key) instanceof Map<?, ?> old) {
                Map<String, Object> merged = new LinkedHashMap<>();
                old.forEach((k, v) -> merged.put(String.valueOf(k), v));
                m.forEach((k, v) -> merged.put(String.valueOf(k), v));
                base.put(key, merged);
            } else {
                base.put(key, value);
            }
        }
    }

    private static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of(value);
    }

    /** dbt's default config of a resource type, in dbt's key order. */
    public static Map<String, Object> defaults(ResourceType type) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("enabled", true);
        d.put("alias", null);
        d.put("schema", type == ResourceType.TEST ? "dbt_test__audit" : null);
        d.put("database", null);
        d.put("tags", new ArrayList<>());
        d.put("meta", new LinkedHashMap<>());
        d.put("group", null);
        switch (type) {
            case TEST -> {
                d.put("materialized", "test");
                d.put("severity", "ERROR");
                d.put("store_failures", null);
                d.put("store_failures_as", null);
                d.put("where", null);
                d.put("limit", null);
                d.put("fail_calc", "count(*)");
                d.put("warn_if", "!= 0");
                d.put("error_if", "!= 0");
            }
            default -> {
                d.put("materialized", switch (type) {
                    case SEED -> "seed";
                    case SNAPSHOT -> "snapshot";
                    default -> "view";
                });
                d.put("incremental_strategy", null);
                d.put("batch_size", null);
                d.put("lookback", 1L);
                d.put("begin", null);
                d.put("persist_docs", new LinkedHashMap<>());
                d.put("post-hook", new ArrayList<>());
                d.put("pre-hook", new ArrayList<>());
                d.put("quoting", new LinkedHashMap<>());
                d.put("column_types", new LinkedHashMap<>());
                d.put("full_refresh", null);
                d.put("unique_key", null);
                d.put("on_schema_change", "ignore");
                d.put("on_configuration_change", "apply");
                d.put("grants", new LinkedHashMap<>());
                d.put("packages", new ArrayList<>());
                Map<String, Object> docs = new LinkedHashMap<>();
                docs.put("show", true);
                docs.put("node_color", null);
                d.put("docs", docs);
                Map<String, Object> contract = new LinkedHashMap<>();
                contract.put("enforced", false);
                contract.put("alias_types", true);
                d.put("contract", contract);
                d.put("event_time", null);
                d.put("concurrent_batches", null);
                if (type == ResourceType.MODEL) {
                    d.put("access", "protected");
                }
                if (type == ResourceType.SEED) {
                    d.put("delimiter", ",");
                    d.put("quote_columns", null);
                }
                if (type == ResourceType.SNAPSHOT) {
                    d.put("strategy", null);
                    d.put("target_schema", null);
                    d.put("target_database", null);
                    d.put("updated_at", null);
                    d.put("check_cols", null);
                    Map<String, Object> metaColumns = new LinkedHashMap<>();
                    for (String column : List.of("dbt_valid_to", "dbt_valid_from", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted")) {
                        metaColumns.put(column, null);
                    }
                    d.put("snapshot_meta_column_names", metaColumns);
                    d.put("dbt_valid_to_current", null);
                }
            }
        }
        return d;
    }

    /** Hooks as dbt stores them in configs: {@code {"sql": ..., "transaction": true, "index": i}}. */
    public static void normalizeHooks(Map<String, Object> config) {
        for (String key : List.of("pre-hook", "post-hook")) {
            Object v = config.get(key);
            if (v == null) {
                continue;
            }
            List<Object> out = new ArrayList<>();
            int index = 0;
            for (Object item : asList(v)) {
                Map<String, Object> hook = new LinkedHashMap<>();
                if (item instanceof Map<?, ?> m) {
                    hook.put("sql", String.valueOf(m.get("sql")));
                    hook.put("transaction", m.get("transaction") == null || Boolean.TRUE.equals(m.get("transaction")));
                } else {
                    hook.put("sql", String.valueOf(item));
                    hook.put("transaction", true);
                }
                hook.put("index", (long) index++);
                out.add(hook);
            }
            config.put(key, out);
        }
    }

    /** A deep copy, so merges never touch shared project config. */
    public static Map<String, Object> copy(Map<String, Object> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) Frozen.thaw(map);
        return out;
    }
}

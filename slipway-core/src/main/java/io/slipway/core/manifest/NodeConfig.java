package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node's resolved config: dbt's defaults for its resource type, overlaid by {@code dbt_project.yml},
 * properties files and the node's own {@code config()} call. Keys are dbt's ({@code materialized},
 * {@code pre-hook}, ...). Immutable.
 */
public record NodeConfig(Map<String, Object> values) {
    public NodeConfig {
        values = Frozen.map(values);
    }

    public Object get(String key) {
        return values.get(key);
    }

    public String string(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    public String materialized() {
        String m = string("materialized");
        return m == null ? "view" : m;
    }

    public boolean enabled() {
        return truthy(values.get("enabled"), true);
    }

    public String schema() {
        return string("schema");
    }

    public String database() {
        return string("database");
    }

    public String alias() {
        return string("alias");
    }

    public List<String> tags() {
        return tags(values.get("tags"));
    }

    /** A {@code tags} config value (a list, one string, or null) as a list of strings. */
    public static List<String> tags(Object t) {
        if (t instanceof List<?> l) {
            List<String> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return t == null ? List.of() : List.of(t.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> meta() {
        Object m = values.get("meta");
        return m instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The hooks' SQL in run order ({@code pre-hook} or {@code post-hook}). */
    public List<Hook> hooks(String key) {
        Object v = values.get(key);
        List<Hook> out = new ArrayList<>();
        for (Object item : v instanceof List<?> l ? l : v == null ? List.of() : List.of(v)) {
            if (item instanceof Map<?, ?> m) {
                Object sql = m.get("sql");
                Object transaction = m.get("transaction");
                out.add(new Hook(sql == null ? "" : sql.toString(), truthy(transaction, true)));
            } else if (item != null) {
                out.add(new Hook(item.toString(), true));
            }
        }
        return out;
    }

    public String severity() {
        String s = string("severity");
        return s == null ? "ERROR" : s.toUpperCase(Locale.ROOT);
    }

    /** Whether the config asks to rebuild from scratch ({@code full_refresh}), or null to follow the flag. */
    public Boolean fullRefresh() {
        Object v = values.get("full_refresh");
        return v == null ? null : truthy(v, false);
    }

    /** Python-like truthiness of a config value, with dbt's string forms of booleans. */
    public static boolean truthy(Object v, boolean defaultValue) {
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false") || t.isEmpty()) {
                return false;
            }
            return true;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return true;
    }

    /** A pre- or post-hook. */
    public record Hook(String sql, boolean transaction) {
    }
}

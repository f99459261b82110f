package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.project.Frozen;
import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code config}: callable as {@code config(materialized='table')} (recorded at parse time, ignored
 * at run time) and an object with {@code config.get(key, default)} and {@code config.require(key)}
 * reading the node's resolved config at run time.
 */
public final class ConfigValue implements PyObject, JinjaCallable {
    private static final List<String> SNAPSHOT_COLUMNS = List.of("dbt_valid_from", "dbt_valid_to", "dbt_scd_id", "dbt_updated_at", "dbt_is_deleted");

    private final ParseCapture capture;
    private final NodeConfig config;

    private ConfigValue(ParseCapture capture, NodeConfig config) {
        this.capture = capture;
        this.config = config;
    }

    /** The parse-time config: calls are recorded; {@code get} returns empty strings as dbt's does. */
    public static ConfigValue parsing(ParseCapture capture) {
        return new ConfigValue(capture, null);
    }

    /** The run-time config of a node. */
    public static ConfigValue runtime(NodeConfig config) {
        return new ConfigValue(null, config);
    }

    @Override
    public Object call(CallContext context, Arguments args) {
        if (capture != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Object positional : args.positional()) {
                if (positional instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> values.put(String.valueOf(k), v));
                } else {
                    throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                            "config() takes keyword arguments or one dictionary, got " + Py.repr(positional));
                }
            }
            values.putAll(args.keywords());
            capture.config(values);
        }
        return "";
    }

    /**
     * A resolved config value, or null (also while parsing). {@code snapshot_table_column_names} is derived
     * as dbt's snapshot config derives it: {@code snapshot_meta_column_names} over the default names.
     */
    Object value(String key) {
        if (config == null) {
            return null;
        }
        Object value = config.get(key);
        if (value == null && key.equals("snapshot_table_column_names") && config.get("snapshot_meta_column_names") instanceof Map<?, ?> names) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String column : SNAPSHOT_COLUMNS) {
                Object configured = names.get(column);
                out.put(column, configured == null ? column : configured);
            }
            return out;
        }
        return value;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "get" -> (JinjaCallable) (ctx, args) -> {
                if (config == null) {
                    return "";
                }
                String key = Args.required(args, 0, "name", "config.get");
                Object value = value(key);
                return value == null ? args.get(1, "default", null) : Frozen.thaw(value);
            };
            case "require" -> (JinjaCallable) (ctx, args) -> {
                if (config == null) {
                    return "";
                }
                String key = Args.required(args, 0, "name", "config.require");
                Object value = value(key);
                if (value == null) {
                    throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "missing config: \"" + key + "\"; set it with config(" + key + "=...)");
                }
                return Frozen.thaw(value);
            };
            case "set" -> (JinjaCallable) (ctx, args) -> "";
            case "persist_relation_docs", "persist_column_docs" -> (JinjaCallable) (ctx, args) -> {
                if (config == null) {
                    return false;
                }
                Object pd = config.get("persist_docs");
                return pd instanceof Map<?, ?> m && Py.truthy(m.get(name.equals("persist_relation_docs") ? "relation" : "columns"));
            };
            default -> MISSING;
        };
    }

    @Override
    public String repr() {
        return "<config>";
    }
}

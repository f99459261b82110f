package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.ConfigMerger;
import io.slipway.core.selection.PyValues;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code config.<key>[.<key>...]:value}: nodes and sources whose config value at that path equals the value;
 * a list value matches when it contains the value; {@code true}/{@code false} (any case) match booleans;
 * {@code config.severity} compares case-insensitively. Keys a node's config lacks fall back to dbt's default
 * for its resource type ({@code config.materialized:view} matches models that never set it).
 */
public final class ConfigMethod implements SelectorMethod {
    private static final Object MISSING = new Object();
    private static final Map<ResourceType, Map<String, Object>> DEFAULTS = new EnumMap<>(ResourceType.class);

    static {
        for (ResourceType type : ResourceType.values()) {
            DEFAULTS.put(type, ConfigMerger.defaults(type));
        }
        // a unit test's config has only these
        DEFAULTS.put(ResourceType.UNIT_TEST, Map.of("enabled", true, "tags", List.of(), "meta", Map.of()));
    }

    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        List<String> path = criteria.arguments();
        Object selector = criteria.value();
        boolean caseInsensitive = path.equals(List.of("severity"));
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            Object value = descend(node.config().values(), path, DEFAULTS.get(node.resourceType()));
            if (value != MISSING && matches(selector, value, caseInsensitive)) {
                out.add(node.uniqueId());
            }
        }
        for (SourceDefinition source : context.sources(candidates)) {
            Object value = descend(source.config(), path, Map.of("enabled", true));
            if (value != MISSING && matches(selector, value, caseInsensitive)) {
                out.add(source.uniqueId());
            }
        }
        return out;
    }

    private static Object descend(Map<String, Object> config, List<String> path, Map<String, Object> defaults) {
        if (path.isEmpty()) {
            // dbt compares the value with the config object itself, which never matches
            return MISSING;
        }
        Object current = config;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            if (!(current instanceof Map<?, ?> map)) {
                return MISSING;
            }
            if (map.containsKey(key)) {
                current = map.get(key);
                continue;
            }
            if (i == 0) {
                // attribute spellings of hyphenated keys, then the resource type's defaults
                String alias = ConfigMerger.normalize(key);
                if (map.containsKey(alias)) {
                    current = map.get(alias);
                    continue;
                }
                if (defaults.containsKey(alias)) {
                    current = defaults.get(alias);
                    continue;
                }
            }
            return MISSING;
        }
        return current;
    }

    /** dbt's comparison of the selector value with a config value. */
    static boolean matches(Object selector, Object value, boolean caseInsensitive) {
        String upper = PyValues.str(selector).toUpperCase(Locale.ROOT);
        boolean wantsTrue = upper.equals("TRUE");
        boolean wantsFalse = upper.equals("FALSE");
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (equal(selector, item, caseInsensitive)) {
                    return true;
                }
            }
            return (wantsTrue && containsBoolean(list, true)) || (wantsFalse && containsBoolean(list, false));
        }
        return equal(selector, value, caseInsensitive)
                || (wantsTrue && Boolean.TRUE.equals(value))
                || (wantsFalse && Boolean.FALSE.equals(value));
    }

    private static boolean containsBoolean(List<?> list, boolean b) {
        for (Object item : list) {
            if (PyValues.equal(item, b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(Object selector, Object value, boolean caseInsensitive) {
        if (caseInsensitive) {
            return value instanceof String s
                    && PyValues.str(selector).toUpperCase(Locale.ROOT).equals(s.toUpperCase(Locale.ROOT));
        }
        return PyValues.equal(selector, value);
    }
}

package io.slipway.core.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, order-keeping, unmodifiable copies of YAML-shaped values (maps, lists, scalars; nulls allowed),
 * which {@code Map.copyOf} cannot give (it rejects nulls and loses order).
 */
public final class Frozen {
    private Frozen() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return (Map<String, Object>) value(map);
    }

    public static Map<String, Map<String, Object>> mapOfMaps(Map<String, Map<String, Object>> maps) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        maps.forEach((k, v) -> out.put(k, map(v)));
        return Collections.unmodifiableMap(out);
    }

    public static List<Object> list(List<?> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(value(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** A frozen copy of any YAML-shaped value. */
    public static Object value(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), value(v)));
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> l) {
            return list(l);
        }
        return value;
    }

    /** A mutable deep copy, for templates that may change what they are given. */
    public static Object thaw(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), thaw(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(thaw(o));
            }
            return out;
        }
        return value;
    }
}

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

    @SuppressWarnings("unchecked")
    public static List<Object> list(List<?> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        if (list instanceof FrozenList frozen) {
            return frozen;
        }
        Object[] out = new Object[list.size()];
        int i = 0;
        for (Object o : list) {
            out[i++] = value(o);
        }
        return new FrozenList(out);
    }

    /** A frozen copy of any YAML-shaped value; a value frozen already is returned as it is. */
    public static Object value(Object value) {
        if (value instanceof FrozenMap || value instanceof FrozenList) {
            return value;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), value(v)));
            return new FrozenMap(out);
        }
        if (value instanceof List<?> l) {
            return list(l);
        }
        return value;
    }

    /**
     * A map this class froze: nodes are copied (linked, named, configured) several times each during a parse,
     * and recognising what is frozen already saves copying it again.
     */
    private static final class FrozenMap extends java.util.AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        FrozenMap(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public java.util.Set<Map.Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public java.util.Set<String> keySet() {
            return entries.keySet();
        }

        @Override
        public java.util.Collection<Object> values() {
            return entries.values();
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super Object> action) {
            entries.forEach(action);
        }
    }

    /** A list this class froze. */
    private static final class FrozenList extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] items;

        FrozenList(Object[] items) {
            this.items = items;
        }

        @Override
        public Object get(int index) {
            return items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
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

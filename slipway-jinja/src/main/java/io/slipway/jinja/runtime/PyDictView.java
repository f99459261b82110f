package io.slipway.jinja.runtime;

import io.slipway.jinja.PyTuple;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.Map;

/**
 * A live view of a dict as {@code d.keys()}, {@code d.values()} and {@code d.items()} return it; prints as
 * {@code dict_items([('a', 1)])}. Items are (key, value) tuples.
 */
public final class PyDictView extends AbstractCollection<Object> implements PyTyped {
    /** Which view. */
    public enum Kind {
        KEYS("dict_keys"),
        VALUES("dict_values"),
        ITEMS("dict_items");

        private final String typeName;

        Kind(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Map<Object, Object> map;
    private final Kind kind;

    @SuppressWarnings("unchecked")
    public PyDictView(Map<?, ?> map, Kind kind) {
        this.map = (Map<Object, Object>) map;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public Map<Object, Object> map() {
        return map;
    }

    @Override
    public Iterator<Object> iterator() {
        return switch (kind) {
            case KEYS -> map.keySet().iterator();
            case VALUES -> map.values().iterator();
            case ITEMS -> {
                Iterator<Map.Entry<Object, Object>> entries = map.entrySet().iterator();
                yield new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Object next() {
                        Map.Entry<Object, Object> e = entries.next();
                        return PyTuple.of(e.getKey(), e.getValue());
                    }
                };
            }
        };
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public String pythonTypeName() {
        return kind.typeName;
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}

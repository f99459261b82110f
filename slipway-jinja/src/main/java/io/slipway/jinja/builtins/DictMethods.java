package io.slipway.jinja.builtins;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyDictView;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.slipway.jinja.builtins.Methods.noArgs;
import static io.slipway.jinja.builtins.Methods.positional;
import static io.slipway.jinja.builtins.Methods.typeError;

/** Python's {@code dict} methods. */
final class DictMethods {
    private DictMethods() {
    }

    static final Map<String, Methods.Impl> TABLE;

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object self) {
        return (Map<Object, Object>) self;
    }

    static {
        Map<String, Methods.Impl> t = new HashMap<>();
        t.put("items", (c, s, a) -> {
            noArgs("dict.items", a);
            return new PyDictView(map(s), PyDictView.Kind.ITEMS);
        });
        t.put("keys", (c, s, a) -> {
            noArgs("dict.keys", a);
            return new PyDictView(map(s), PyDictView.Kind.KEYS);
        });
        t.put("values", (c, s, a) -> {
            noArgs("dict.values", a);
            return new PyDictView(map(s), PyDictView.Kind.VALUES);
        });
        t.put("get", (c, s, a) -> {
            List<Object> p = positional("dict.get", a, 1, 2);
            Py.requireHashable(p.get(0));
            Object v = Py.dictLookup(map(s), p.get(0));
            return v == Py.MISSING ? (p.size() > 1 ? p.get(1) : null) : v;
        });
        t.put("pop", (c, s, a) -> {
            List<Object> p = positional("dict.pop", a, 1, 2);
            Py.requireHashable(p.get(0));
            Map<Object, Object> m = map(s);
            Object key = Py.dictKey(m, p.get(0));
            if (key == Py.MISSING) {
                if (p.size() > 1) {
                    return p.get(1);
                }
                throw JinjaException.python("KeyError", Py.repr(p.get(0)));
            }
            return m.remove(key);
        });
        t.put("popitem", (c, s, a) -> {
            noArgs("dict.popitem", a);
            Map<Object, Object> m = map(s);
            if (m.isEmpty()) {
                throw JinjaException.python("KeyError", "'popitem(): dictionary is empty'");
            }
            Object last = null;
            for (Object k : m.keySet()) {
                last = k;
            }
            Object v = m.remove(last);
            return PyTuple.of(last, v);
        });
        t.put("setdefault", (c, s, a) -> {
            List<Object> p = positional("dict.setdefault", a, 1, 2);
            Py.requireHashable(p.get(0));
            Map<Object, Object> m = map(s);
            Object v = Py.dictLookup(m, p.get(0));
            if (v != Py.MISSING) {
                return v;
            }
            Object dflt = p.size() > 1 ? p.get(1) : null;
            m.put(p.get(0), dflt);
            return dflt;
        });
        t.put("update", (c, s, a) -> {
            if (a.positional().size() > 1) {
                throw typeError("update expected at most 1 argument, got " + a.positional().size());
            }
            Map<Object, Object> m = map(s);
            if (!a.positional().isEmpty()) {
                update(m, a.positional().get(0));
            }
            for (Map.Entry<String, Object> e : a.keywords().entrySet()) {
                put(m, e.getKey(), e.getValue());
            }
            return null;
        });
        t.put("copy", (c, s, a) -> {
            noArgs("dict.copy", a);
            return new LinkedHashMap<>(map(s));
        });
        t.put("clear", (c, s, a) -> {
            noArgs("dict.clear", a);
            map(s).clear();
            return null;
        });
        TABLE = Collections.unmodifiableMap(t);
    }

    /** Sets a key as Python does: an existing equal key ({@code 1} for {@code 1.0}) keeps its identity. */
    static void put(Map<Object, Object> m, Object key, Object value) {
        Object existing = Py.dictKey(m, key);
        m.put(existing == Py.MISSING ? key : existing, value);
    }

    /** {@code dict.update(other)}: a mapping, or an iterable of key/value pairs. */
    static void update(Map<Object, Object> m, Object other) {
        if (other instanceof Map<?, ?> o) {
            for (Map.Entry<?, ?> e : o.entrySet()) {
                put(m, e.getKey(), e.getValue());
            }
            return;
        }
        Iterator<Object> it;
        try {
            it = Py.iterate(other);
        } catch (JinjaException e) {
            throw typeError("'" + Py.typeName(other) + "' object is not iterable");
        }
        int i = 0;
        while (it.hasNext()) {
            Object item = it.next();
            List<Object> pair;
            try {
                pair = Methods.items(item);
            } catch (JinjaException e) {
                throw typeError("cannot convert dictionary update sequence element #" + i + " to a sequence");
            }
            if (pair.size() != 2) {
                throw JinjaException.python("ValueError", "dictionary update sequence element #" + i
                        + " has length " + pair.size() + "; 2 is required");
            }
            Py.requireHashable(pair.get(0));
            put(m, pair.get(0), pair.get(1));
            i++;
        }
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.slipway.jinja.builtins.Methods.index;
import static io.slipway.jinja.builtins.Methods.noArgs;
import static io.slipway.jinja.builtins.Methods.oneArg;
import static io.slipway.jinja.builtins.Methods.positional;
import static io.slipway.jinja.builtins.Methods.typeError;
import static io.slipway.jinja.builtins.Methods.valueError;

/** Python's {@code list}, {@code tuple}, {@code range} and {@code set} methods. */
final class SequenceMethods {
    private SequenceMethods() {
    }

    static final Map<String, Methods.Impl> LIST;
    static final Map<String, Methods.Impl> TUPLE;
    static final Map<String, Methods.Impl> RANGE;
    static final Map<String, Methods.Impl> SET;

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object self) {
        return (List<Object>) self;
    }

    static {
        Map<String, Methods.Impl> l = new HashMap<>();
        l.put("append", (c, s, a) -> {
            list(s).add(oneArg("list.append", a));
            return null;
        });
        l.put("extend", (c, s, a) -> {
            Object other = oneArg("list.extend", a);
            list(s).addAll(Methods.items(other));
            return null;
        });
        l.put("insert", (c, s, a) -> {
            List<Object> p = positional("list.insert", a, 2, 2);
            List<Object> self = list(s);
            long i = index(p.get(0));
            int n = self.size();
            if (i < 0) {
                i = Math.max(0, i + n);
            }
            self.add((int) Math.min(i, n), p.get(1));
            return null;
        });
        l.put("pop", (c, s, a) -> {
            List<Object> p = positional("list.pop", a, 0, 1);
            List<Object> self = list(s);
            if (self.isEmpty()) {
                throw JinjaException.python("IndexError", "pop from empty list");
            }
            long i = p.isEmpty() ? -1 : index(p.get(0));
            if (i < 0) {
                i += self.size();
            }
            if (i < 0 || i >= self.size()) {
                throw JinjaException.python("IndexError", "pop index out of range");
            }
            return self.remove((int) i);
        });
        l.put("remove", (c, s, a) -> {
            Object x = oneArg("list.remove", a);
            List<Object> self = list(s);
            for (int i = 0; i < self.size(); i++) {
                if (Py.eq(self.get(i), x)) {
                    self.remove(i);
                    return null;
                }
            }
            throw valueError("list.remove(x): x not in list");
        });
        l.put("index", (c, s, a) -> indexOf(list(s), a, "list"));
        l.put("count", (c, s, a) -> count(list(s), oneArg("list.count", a)));
        l.put("reverse", (c, s, a) -> {
            noArgs("list.reverse", a);
            Collections.reverse(list(s));
            return null;
        });
        l.put("sort", SequenceMethods::sort);
        l.put("clear", (c, s, a) -> {
            noArgs("list.clear", a);
            list(s).clear();
            return null;
        });
        l.put("copy", (c, s, a) -> {
            noArgs("list.copy", a);
            return new ArrayList<>(list(s));
        });
        LIST = Collections.unmodifiableMap(l);

        Map<String, Methods.Impl> t = new HashMap<>();
        t.put("index", (c, s, a) -> indexOf(list(s), a, "tuple"));
        t.put("count", (c, s, a) -> count(list(s), oneArg("tuple.count", a)));
        TUPLE = Collections.unmodifiableMap(t);

        Map<String, Methods.Impl> r = new HashMap<>();
        r.put("index", (c, s, a) -> {
            Object x = oneArg("range.index", a);
            int i = list(s).indexOf(x instanceof Integer n ? (Object) n.longValue() : x);
            if (i < 0) {
                throw valueError(Py.repr(x) + " is not in range");
            }
            return (long) i;
        });
        r.put("count", (c, s, a) -> count(list(s), oneArg("range.count", a)));
        RANGE = Collections.unmodifiableMap(r);

        Map<String, Methods.Impl> st = new HashMap<>();
        st.put("add", (c, s, a) -> {
            @SuppressWarnings("unchecked")
            Set<Object> self = (Set<Object>) s;
            Object x = oneArg("set.add", a);
            if (!Py.contains(self, x)) {
                self.add(x);
            }
            return null;
        });
        st.put("copy", (c, s, a) -> {
            noArgs("set.copy", a);
            return new java.util.LinkedHashSet<>((Set<?>) s);
        });
        SET = Collections.unmodifiableMap(st);
    }

    private static Object indexOf(List<Object> self, Arguments a, String type) {
        List<Object> p = positional(type + ".index", a, 1, 3);
        Object x = p.get(0);
        int n = self.size();
        long start = p.size() > 1 ? index(p.get(1)) : 0;
        long end = p.size() > 2 ? index(p.get(2)) : n;
        if (start < 0) {
            start = Math.max(0, start + n);
        }
        if (end < 0) {
            end = Math.max(0, end + n);
        }
        for (long i = start; i < Math.min(end, n); i++) {
            if (Py.eq(self.get((int) i), x)) {
                return i;
            }
        }
        if (type.equals("tuple")) {
            throw valueError("tuple.index(x): x not in tuple");
        }
        throw valueError(Py.repr(x) + " is not in list");
    }

    private static long count(List<Object> self, Object x) {
        long n = 0;
        for (Object o : self) {
            if (Py.eq(o, x)) {
                n++;
            }
        }
        return n;
    }

    private static Object sort(CallContext context, Object s, Arguments a) {
        if (!a.positional().isEmpty()) {
            throw typeError("sort() takes no positional arguments");
        }
        for (String k : a.keywords().keySet()) {
            if (!k.equals("key") && !k.equals("reverse")) {
                throw typeError("'" + k + "' is an invalid keyword argument for sort()");
            }
        }
        Object key = a.keywords().get("key");
        boolean reverse = Py.truthy(a.keywords().getOrDefault("reverse", false));
        List<Object> self = list(s);
        sortInPlace(context, self, key, reverse);
        return null;
    }

    /** Python's stable {@code list.sort(key=..., reverse=...)}, ordering with {@code <} only. */
    static void sortInPlace(CallContext context, List<Object> items, Object key, boolean reverse) {
        if (items.size() < 2) {
            return;
        }
        List<Object> keys;
        if (key == null) {
            keys = items;
        } else if (key instanceof JinjaCallable f) {
            keys = new ArrayList<>(items.size());
            for (Object o : items) {
                keys.add(f.call(context, Arguments.positional(o)));
            }
        } else {
            throw typeError("'" + Py.typeName(key) + "' object is not callable");
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> cmp = (x, y) -> {
            Object kx = keys.get(x);
            Object ky = keys.get(y);
            Integer c = Py.order("<", kx, ky); // null: unordered (NaN), kept in place as Python's sort does
            return c == null ? 0 : c;
        };
        java.util.Arrays.sort(order, reverse ? (x, y) -> cmp.compare(y, x) : cmp);
        List<Object> sorted = new ArrayList<>(items.size());
        for (Integer i : order) {
            sorted.add(items.get(i));
        }
        for (int i = 0; i < sorted.size(); i++) {
            items.set(i, sorted.get(i));
        }
    }
}

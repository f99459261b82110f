package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.Filter;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.Test;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyGenerator;
import io.slipway.jinja.runtime.PyGroupTuple;
import io.slipway.jinja.runtime.PyMarkup;
import io.slipway.jinja.runtime.PyRange;
import io.slipway.jinja.runtime.UndefinedValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/** Jinja2's filters over sequences and mappings: map, select, sort, groupby, join, first, sum, ... */
final class SequenceFilters {
    private SequenceFilters() {
    }

    static void register(Map<String, Filter> f) {
        f.put("attr", SequenceFilters::attr);
        f.put("batch", SequenceFilters::batch);
        f.put("count", SequenceFilters::length);
        f.put("length", SequenceFilters::length);
        f.put("default", SequenceFilters::defaultFilter);
        f.put("d", SequenceFilters::defaultFilter);
        f.put("dictsort", SequenceFilters::dictsort);
        f.put("first", SequenceFilters::first);
        f.put("groupby", SequenceFilters::groupby);
        f.put("items", SequenceFilters::items);
        f.put("join", SequenceFilters::join);
        f.put("last", SequenceFilters::last);
        f.put("list", SequenceFilters::list);
        f.put("map", SequenceFilters::map);
        f.put("max", (c, v, a) -> minOrMax(c, v, a, false));
        f.put("min", (c, v, a) -> minOrMax(c, v, a, true));
        f.put("random", SequenceFilters::random);
        f.put("reject", (c, v, a) -> selectOrReject(c, v, a, false, false, "reject"));
        f.put("rejectattr", (c, v, a) -> selectOrReject(c, v, a, false, true, "rejectattr"));
        f.put("select", (c, v, a) -> selectOrReject(c, v, a, true, false, "select"));
        f.put("selectattr", (c, v, a) -> selectOrReject(c, v, a, true, true, "selectattr"));
        f.put("reverse", SequenceFilters::reverse);
        f.put("slice", SequenceFilters::slice);
        f.put("sort", SequenceFilters::sort);
        f.put("sum", SequenceFilters::sum);
        f.put("unique", SequenceFilters::unique);
    }

    private static final Signature ATTR = Signature.of("do_attr", 1, "obj", "name", Signature.REQUIRED);
    private static final Signature BATCH = Signature.of("do_batch", 0, "value", "linecount", Signature.REQUIRED, "fill_with", null);
    private static final Signature DEFAULT = Signature.of("do_default", 0, "value", "default_value", "", "boolean", false);
    private static final Signature DICTSORT = Signature.of("do_dictsort", 0, "value", "case_sensitive", false, "by", "key", "reverse", false);
    private static final Signature FIRST = Signature.of("sync_do_first", 1, "seq");
    private static final Signature GROUPBY = Signature.of("sync_do_groupby", 1, "value", "attribute", Signature.REQUIRED,
            "default", null, "case_sensitive", false);
    private static final Signature ITEMS = Signature.of("do_items", 0, "value");
    private static final Signature JOIN = Signature.of("sync_do_join", 1, "value", "d", "", "attribute", null);
    private static final Signature LAST = Signature.of("do_last", 1, "seq");
    private static final Signature LIST = Signature.of("sync_do_list", 0, "value");
    private static final Signature MIN = Signature.of("do_min", 1, "value", "case_sensitive", false, "attribute", null);
    private static final Signature MAX = Signature.of("do_max", 1, "value", "case_sensitive", false, "attribute", null);
    private static final Signature RANDOM = Signature.of("do_random", 1, "seq");
    private static final Signature REVERSE = Signature.of("do_reverse", 0, "value");
    private static final Signature SLICE = Signature.of("sync_do_slice", 0, "value", "slices", Signature.REQUIRED, "fill_with", null);
    private static final Signature SORT = Signature.of("do_sort", 1, "value", "reverse", false, "case_sensitive", false, "attribute", null);
    private static final Signature SUM = Signature.of("sync_do_sum", 1, "iterable", "attribute", null, "start", 0L);
    private static final Signature UNIQUE = Signature.of("sync_do_unique", 1, "value", "case_sensitive", false, "attribute", null);

    // ----------------------------------------------------------------------------------------------------

    private static Object attr(CallContext c, Object value, Arguments args) {
        Object[] p = ATTR.bind(value, args);
        Object name = p[1];
        if (value instanceof UndefinedValue u) {
            return u.chain();
        }
        if (!(name instanceof String s)) {
            throw JinjaException.python("TypeError", "attribute name must be string, not '" + Py.typeName(name) + "'");
        }
        Object found;
        if (value instanceof PyObject po) {
            found = po.getAttr(s);
            if (found != Py.MISSING && s.startsWith("_")) {
                return Py.getAttr(value, s);
            }
        } else if (s.startsWith("__") && s.endsWith("__") && s.length() > 4) {
            return Py.getAttr(value, s);
        } else {
            found = Methods.lookup(value, s);
        }
        return found == Py.MISSING ? Support.missing(c, value, s) : found;
    }

    private static Object batch(CallContext c, Object value, Arguments args) {
        Object[] p = BATCH.bind(value, args);
        long linecount = Methods.index(p[1]);
        Object fill = p[2];
        Iterator<Object> it = Py.iterate(value);
        return PyGenerator.of("do_batch", new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Object> tmp = new ArrayList<>();
                tmp.add(it.next());
                while (tmp.size() < linecount && it.hasNext()) {
                    tmp.add(it.next());
                }
                if (!it.hasNext() && fill != null) {
                    while (tmp.size() < linecount) {
                        tmp.add(fill);
                    }
                }
                return tmp;
            }
        });
    }

    private static Object length(CallContext c, Object value, Arguments args) {
        if (args.size() > 0) {
            throw JinjaException.python("TypeError", "len() takes exactly one argument (" + (args.size() + 1) + " given)");
        }
        return (long) Py.len(value);
    }

    private static Object defaultFilter(CallContext c, Object value, Arguments args) {
        Object[] p = DEFAULT.bind(value, args);
        if (value instanceof Undefined || (Py.truthy(p[2]) && !Py.truthy(value))) {
            return p[1];
        }
        return value;
    }

    private static Object dictsort(CallContext c, Object value, Arguments args) {
        Object[] p = DICTSORT.bind(value, args);
        boolean caseSensitive = Py.truthy(p[1]);
        Object by = p[2];
        boolean reverse = Py.truthy(p[3]);
        int pos;
        if (Py.eq(by, "key")) {
            pos = 0;
        } else if (Py.eq(by, "value")) {
            pos = 1;
        } else {
            throw Support.filterArgumentError("You can only sort by either \"key\" or \"value\"");
        }
        Map<?, ?> map = mapping(value, "items");
        List<Object> items = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            items.add(PyTuple.of(e.getKey(), e.getValue()));
        }
        sortBy(c, items, item -> {
            Object v = ((PyTuple) item).get(pos);
            return caseSensitive ? v : Support.ignoreCase(v);
        }, reverse);
        return items;
    }

    /** A dict for filters that call {@code value.items()}; an AttributeError or UndefinedError otherwise. */
    private static Map<?, ?> mapping(Object value, String method) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        if (value instanceof UndefinedValue u) {
            throw u.fail();
        }
        throw JinjaException.python("AttributeError", "'" + Py.typeName(value) + "' object has no attribute '" + method + "'");
    }

    private static Object first(CallContext c, Object value, Arguments args) {
        FIRST.bind(value, args);
        Iterator<Object> it = Py.iterate(value);
        if (it.hasNext()) {
            return it.next();
        }
        return Support.undefined(c, "No first item, sequence was empty.");
    }

    private static Object last(CallContext c, Object value, Arguments args) {
        LAST.bind(value, args);
        Iterator<Object> it = reversed(value);
        if (it.hasNext()) {
            return it.next();
        }
        return Support.undefined(c, "No last item, sequence was empty.");
    }

    /** Python's {@code reversed(value)}: sequences and dicts; TypeError otherwise. */
    private static Iterator<Object> reversed(Object value) {
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l);
            Collections.reverse(copy);
            return copy.iterator();
        }
        if (Py.isStr(value)) {
            List<Object> chars = Py.toList(value);
            Collections.reverse(chars);
            return chars.iterator();
        }
        if (value instanceof Map<?, ?> m) {
            List<Object> keys = new ArrayList<>(m.keySet());
            Collections.reverse(keys);
            return keys.iterator();
        }
        if (value instanceof Undefined) {
            return Py.iterate(value);
        }
        throw JinjaException.python("TypeError", "'" + Py.typeName(value) + "' object is not reversible");
    }

    private static Object groupby(CallContext c, Object value, Arguments args) {
        Object[] p = GROUPBY.bind(value, args);
        List<Object> parts = Support.attributeParts(p[1]);
        Object dflt = p[2];
        boolean caseSensitive = Py.truthy(p[3]);
        Function<Object, Object> key = item -> {
            Object k = Support.lookupPath(c, item, parts, dflt);
            return caseSensitive ? k : Support.ignoreCase(k);
        };
        List<Object> items = Py.toList(value);
        sortBy(c, items, key, false);
        List<Object> out = new ArrayList<>();
        Object currentKey = null;
        List<Object> group = null;
        for (Object item : items) {
            Object k = key.apply(item);
            if (group == null || !Py.eq(k, currentKey)) {
                group = new ArrayList<>();
                currentKey = k;
                out.add(new Object[] {k, group});
            }
            group.add(item);
        }
        List<Object> result = new ArrayList<>(out.size());
        for (Object o : out) {
            Object[] kv = (Object[]) o;
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) kv[1];
            Object grouper = caseSensitive ? kv[0] : Support.lookupPath(c, values.get(0), parts, dflt);
            result.add(new PyGroupTuple(grouper, values));
        }
        return result;
    }

    private static Object items(CallContext c, Object value, Arguments args) {
        ITEMS.bind(value, args);
        if (value instanceof Undefined) {
            return PyGenerator.of("do_items", Collections.emptyIterator());
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw JinjaException.python("TypeError", "Can only get item pairs from a mapping.");
        }
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        return PyGenerator.of("do_items", new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                Map.Entry<?, ?> e = it.next();
                return PyTuple.of(e.getKey(), e.getValue());
            }
        });
    }

    private static Object join(CallContext c, Object value, Arguments args) {
        Object[] p = JOIN.bind(value, args);
        String sep = Py.str(p[1]);
        List<Object> parts = p[2] == null ? null : Support.attributeParts(p[2]);
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = Py.iterate(value);
        boolean first = true;
        while (it.hasNext()) {
            Object item = it.next();
            if (parts != null) {
                item = Support.lookupPath(c, item, parts, null);
            }
            if (!first) {
                sb.append(sep);
            }
            first = false;
            sb.append(Py.str(item));
        }
        return sb.toString();
    }

    private static Object list(CallContext c, Object value, Arguments args) {
        LIST.bind(value, args);
        return Py.toList(value);
    }

    private static Object map(CallContext c, Object value, Arguments args) {
        if (!Py.truthy(value)) {
            return PyGenerator.of("sync_do_map", Collections.emptyIterator());
        }
        Function<Object, Object> func = prepareMap(c, args);
        Iterator<Object> it = Py.iterate(value);
        return PyGenerator.of("sync_do_map", new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object next() {
                return func.apply(it.next());
            }
        });
    }

    private static Function<Object, Object> prepareMap(CallContext c, Arguments args) {
        List<Object> positional = args.positional();
        Map<String, Object> kw = args.keywords();
        if (positional.isEmpty() && kw.containsKey("attribute")) {
            Map<String, Object> rest = new LinkedHashMap<>(kw);
            Object attribute = rest.remove("attribute");
            Object dflt = rest.remove("default");
            if (!rest.isEmpty()) {
                throw Support.filterArgumentError("Unexpected keyword argument " + Py.repr(rest.keySet().iterator().next()));
            }
            List<Object> parts = Support.attributeParts(attribute);
            return item -> Support.lookupPath(c, item, parts, dflt);
        }
        if (positional.isEmpty()) {
            throw Support.filterArgumentError("map requires a filter argument");
        }
        Object name = positional.get(0);
        Arguments rest = Support.rest(positional, 1, kw);
        return item -> Support.filterNamed(c, name).apply(c, item, rest);
    }

    private static Object minOrMax(CallContext c, Object value, Arguments args, boolean min) {
        Object[] p = (min ? MIN : MAX).bind(value, args);
        boolean caseSensitive = Py.truthy(p[1]);
        List<Object> parts = Support.attributeParts(p[2]);
        Iterator<Object> it = Py.iterate(value);
        if (!it.hasNext()) {
            return Support.undefined(c, "No aggregated item, sequence was empty.");
        }
        Object best = it.next();
        Object bestKey = key(c, best, parts, caseSensitive);
        while (it.hasNext()) {
            Object item = it.next();
            Object k = key(c, item, parts, caseSensitive);
            if (min ? Py.compare("<", k, bestKey) : Py.compare(">", k, bestKey)) {
                best = item;
                bestKey = k;
            }
        }
        return best;
    }

    private static Object key(CallContext c, Object item, List<Object> parts, boolean caseSensitive) {
        Object k = Support.lookupPath(c, item, parts, null);
        return caseSensitive ? k : Support.ignoreCase(k);
    }

    private static Object random(CallContext c, Object value, Arguments args) {
        RANDOM.bind(value, args);
        if (!(value instanceof List<?>) && !Py.isStr(value)) {
            if (value instanceof Undefined) {
                return Support.undefined(c, "No random item, sequence was empty.");
            }
            throw JinjaException.python("TypeError", "object of type '" + Py.typeName(value) + "' has no len()");
        }
        int n = Py.len(value);
        if (n == 0) {
            return Support.undefined(c, "No random item, sequence was empty.");
        }
        return Py.getItem(value, (long) ThreadLocalRandom.current().nextInt(n));
    }

    private static Object selectOrReject(CallContext c, Object value, Arguments args, boolean select, boolean lookupAttr, String name) {
        String function = "select_or_reject";
        if (!Py.truthy(value)) {
            return PyGenerator.of(function, Collections.emptyIterator());
        }
        List<Object> positional = args.positional();
        int off = 0;
        List<Object> parts = null;
        if (lookupAttr) {
            if (positional.isEmpty()) {
                throw Support.filterArgumentError("Missing parameter for attribute name");
            }
            parts = Support.attributeParts(positional.get(0));
            off = 1;
        }
        Predicate<Object> test;
        if (positional.size() > off) {
            Object testName = positional.get(off);
            Arguments rest = Support.rest(positional, off + 1, args.keywords());
            test = item -> {
                Test t = Support.testNamed(c, testName);
                return t.test(c, item, rest);
            };
        } else {
            test = Py::truthy;
        }
        List<Object> path = parts;
        Iterator<Object> it = Py.iterate(value);
        return PyGenerator.of(function, new Iterator<Object>() {
            private Object next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && it.hasNext()) {
                    Object item = it.next();
                    Object subject = path == null ? item : Support.lookupPath(c, item, path, null);
                    if (test.test(subject) == select) {
                        next = item;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                Object out = next;
                next = null;
                return out;
            }
        });
    }

    private static Object reverse(CallContext c, Object value, Arguments args) {
        REVERSE.bind(value, args);
        if (value instanceof String s) {
            return Py.slice(s, null, null, -1L);
        }
        if (value instanceof PyMarkup m) {
            return Py.slice(m, null, null, -1L);
        }
        String type = Py.isList(value) ? "list_reverseiterator"
                : value instanceof PyRange ? "range_iterator"
                : value instanceof Map<?, ?> ? "dict_reversekeyiterator" : "reversed";
        if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof Undefined) {
            return PyGenerator.iterator(type, reversed(value));
        }
        List<Object> all;
        try {
            all = Py.toList(value);
        } catch (JinjaException e) {
            throw Support.filterArgumentError("argument must be iterable");
        }
        Collections.reverse(all);
        return all;
    }

    private static Object slice(CallContext c, Object value, Arguments args) {
        Object[] p = SLICE.bind(value, args);
        long slices = Methods.index(p[1]);
        Object fill = p[2];
        List<Object> seq = Py.toList(value);
        int length = seq.size();
        if (slices == 0) {
            throw JinjaException.python("ZeroDivisionError", "integer division or modulo by zero");
        }
        long perSlice = Math.floorDiv(length, slices);
        long withExtra = Math.floorMod(length, slices);
        List<Object> out = new ArrayList<>();
        long offset = 0;
        for (long n = 0; n < slices; n++) {
            long start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            long end = offset + (n + 1) * perSlice;
            @SuppressWarnings("unchecked")
            List<Object> tmp = (List<Object>) Py.slice(seq, start, end, null);
            if (fill != null && n >= withExtra) {
                tmp.add(fill);
            }
            out.add(tmp);
        }
        return PyGenerator.of("sync_do_slice", out.iterator());
    }

    private static Object sort(CallContext c, Object value, Arguments args) {
        Object[] p = SORT.bind(value, args);
        boolean reverse = Py.truthy(p[1]);
        boolean caseSensitive = Py.truthy(p[2]);
        Object attribute = p[3];
        List<List<Object>> paths = new ArrayList<>();
        if (attribute instanceof String s) {
            for (String one : s.split(",", -1)) {
                paths.add(Support.attributeParts(one));
            }
        } else {
            paths.add(Support.attributeParts(attribute));
        }
        List<Object> items = Py.toList(value);
        if (paths.size() == 1) {
            // a one-element key list orders exactly as its element does
            List<Object> path = paths.get(0);
            sortBy(c, items, item -> {
                Object k = Support.lookupPath(c, item, path, null);
                return caseSensitive ? k : Support.ignoreCase(k);
            }, reverse, true);
            return items;
        }
        sortBy(c, items, item -> {
            List<Object> keys = new ArrayList<>(paths.size());
            for (List<Object> path : paths) {
                Object k = Support.lookupPath(c, item, path, null);
                keys.add(caseSensitive ? k : Support.ignoreCase(k));
            }
            return keys;
        }, reverse);
        return items;
    }

    /** Python's stable {@code sorted(items, key=key, reverse=reverse)} in place. */
    static void sortBy(CallContext c, List<Object> items, Function<Object, Object> key, boolean reverse) {
        sortBy(c, items, key, reverse, false);
    }

    /**
     * As {@link #sortBy(CallContext, List, Function, boolean)}; {@code asOneElementLists} orders the keys as
     * Python orders {@code [key]}: equal keys are never compared with {@code <} (so {@code [None, None]} sorts).
     */
    static void sortBy(CallContext c, List<Object> items, Function<Object, Object> key, boolean reverse, boolean asOneElementLists) {
        List<Object> keys = new ArrayList<>(items.size());
        for (Object o : items) {
            keys.add(key.apply(o));
        }
        Integer[] order = new Integer[items.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Comparator<Integer> cmp = (x, y) -> {
            Object kx = keys.get(x);
            Object ky = keys.get(y);
            if (asOneElementLists && Py.eq(kx, ky)) {
                return 0;
            }
            Integer sign = Py.order("<", kx, ky); // null: unordered (NaN), kept in place as Python's sort does
            return sign == null ? 0 : sign;
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

    private static Object sum(CallContext c, Object value, Arguments args) {
        Object[] p = SUM.bind(value, args);
        List<Object> parts = p[1] == null ? null : Support.attributeParts(p[1]);
        Object total = p[2];
        if (Py.isStr(total)) {
            throw JinjaException.python("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
        }
        Iterator<Object> it = Py.iterate(value);
        while (it.hasNext()) {
            Object item = it.next();
            if (parts != null) {
                item = Support.lookupPath(c, item, parts, null);
            }
            total = Py.add(total, item);
        }
        return total;
    }

    private static Object unique(CallContext c, Object value, Arguments args) {
        Object[] p = UNIQUE.bind(value, args);
        boolean caseSensitive = Py.truthy(p[1]);
        List<Object> parts = Support.attributeParts(p[2]);
        Iterator<Object> it = Py.iterate(value);
        Set<Object> seen = new HashSet<>();
        return PyGenerator.of("sync_do_unique", new Iterator<Object>() {
            private Object next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && it.hasNext()) {
                    Object item = it.next();
                    Object k = key(c, item, parts, caseSensitive);
                    if (seen.add(hashKey(k))) {
                        next = item;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return next;
            }
        });
    }

    /** A Java key that is equal exactly when Python's hash-and-eq would match ({@code 1 == 1.0 == True}). */
    static Object hashKey(Object k) {
        Py.requireHashable(k);
        if (k instanceof PyMarkup m) {
            return m.text();
        }
        if (k instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (k instanceof Integer || k instanceof Short || k instanceof Byte) {
            return ((Number) k).longValue();
        }
        if (k instanceof Double || k instanceof Float) {
            double d = ((Number) k).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9e18) {
                return (long) d;
            }
            return d;
        }
        if (k instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (k instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d.stripTrailingZeros();
            }
        }
        if (k instanceof List<?> l && Py.isTuple(k)) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(hashKey(o));
            }
            return out;
        }
        return k;
    }
}

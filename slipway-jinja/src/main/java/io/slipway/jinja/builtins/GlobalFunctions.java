package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Namespace;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.PyMarkup;
import io.slipway.jinja.runtime.PyRange;
import io.slipway.jinja.runtime.PyTyped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Jinja2's default globals: {@code range}, {@code dict}, {@code lipsum}, {@code cycler}, {@code joiner}, {@code namespace}. */
final class GlobalFunctions {
    private GlobalFunctions() {
    }

    /** The sandbox's limit on {@code range()}. */
    static final int MAX_RANGE = 100_000;

    /** A built-in function or class as a global: callable, printed as CPython prints it. */
    record Builtin(String repr, JinjaCallable impl) implements JinjaCallable, PyObject, PyTyped {
        @Override
        public Object call(CallContext context, Arguments args) {
            return impl.call(context, args);
        }

        @Override
        public Object getAttr(String name) {
            return MISSING;
        }

        @Override
        public String pythonTypeName() {
            return repr.startsWith("<class") ? "type" : "function";
        }
    }

    static void register(Map<String, Object> g) {
        g.put("range", new Builtin("<function safe_range at 0x7f0000000000>", GlobalFunctions::range));
        g.put("dict", new Builtin("<class 'dict'>", GlobalFunctions::dict));
        g.put("lipsum", new Builtin("<function generate_lorem_ipsum at 0x7f0000000000>", GlobalFunctions::lipsum));
        g.put("cycler", new Builtin("<class 'jinja2.utils.Cycler'>", (c, a) -> {
            if (!a.keywords().isEmpty()) {
                throw JinjaException.python("TypeError", "Cycler.__init__() got an unexpected keyword argument '"
                        + a.keywords().keySet().iterator().next() + "'");
            }
            return new Cycler(a.positional());
        }));
        g.put("joiner", new Builtin("<class 'jinja2.utils.Joiner'>", (c, a) -> {
            Object[] p = JOINER.bind(null, a);
            return new Joiner(Py.str(p[1]));
        }));
        g.put("namespace", new Builtin("<class 'jinja2.utils.Namespace'>", (c, a) -> {
            @SuppressWarnings("unchecked")
            Map<Object, Object> attrs = (Map<Object, Object>) dict(c, a);
            Map<String, Object> named = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : attrs.entrySet()) {
                named.put(Py.str(e.getKey()), e.getValue());
            }
            return new Namespace(named);
        }));
    }

    private static final Signature JOINER = Signature.of("Joiner.__init__", 0, "self", "sep", ", ");
    private static final Signature LIPSUM = Signature.of("generate_lorem_ipsum", 0, "self", "n", 5L, "html", true, "min", 20L, "max", 100L);

    private static Object range(CallContext c, Arguments a) {
        if (!a.keywords().isEmpty()) {
            throw JinjaException.python("TypeError", "safe_range() got an unexpected keyword argument '"
                    + a.keywords().keySet().iterator().next() + "'");
        }
        List<Object> p = a.positional();
        if (p.isEmpty()) {
            throw JinjaException.python("TypeError", "range expected at least 1 argument, got 0");
        }
        if (p.size() > 3) {
            throw JinjaException.python("TypeError", "range expected at most 3 arguments, got " + p.size());
        }
        long[] v = new long[p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Methods.index(p.get(i));
        }
        PyRange r = switch (v.length) {
            case 1 -> new PyRange(0, v[0], 1);
            case 2 -> new PyRange(v[0], v[1], 1);
            default -> new PyRange(v[0], v[1], v[2]);
        };
        if (r.size() > MAX_RANGE) {
            throw JinjaException.python("OverflowError",
                    "Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
        }
        return r;
    }

    private static Object dict(CallContext c, Arguments a) {
        if (a.positional().size() > 1) {
            throw JinjaException.python("TypeError", "dict expected at most 1 argument, got " + a.positional().size());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        if (!a.positional().isEmpty()) {
            DictMethods.update(out, a.positional().get(0));
        }
        for (Map.Entry<String, Object> e : a.keywords().entrySet()) {
            DictMethods.put(out, e.getKey(), e.getValue());
        }
        return out;
    }

    private static final String[] WORDS = (""
            + "a ac accumsan ad adipiscing aenean aliquam aliquet amet ante aptent arcu at auctor augue bibendum "
            + "blandit class commodo condimentum congue consectetuer consequat conubia convallis cras cubilia cum "
            + "curabitur curae cursus dapibus diam dictum dictumst dignissim dis dolor donec dui duis egestas eget "
            + "eleifend elementum elit enim erat eros est et etiam eu euismod facilisi facilisis fames faucibus "
            + "felis fermentum feugiat fringilla fusce gravida habitant habitasse hac hendrerit hymenaeos iaculis "
            + "id imperdiet in inceptos integer interdum ipsum justo lacinia lacus laoreet lectus leo libero ligula "
            + "litora lobortis lorem luctus maecenas magna magnis malesuada massa mattis mauris metus mi molestie "
            + "mollis montes morbi mus nam nascetur natoque nec neque netus nibh nisi nisl non nonummy nostra nulla "
            + "nullam nunc odio orci ornare parturient pede pellentesque penatibus per pharetra phasellus placerat "
            + "platea porta porttitor posuere potenti praesent pretium primis proin pulvinar purus quam quis "
            + "quisque rhoncus ridiculus risus rutrum sagittis sapien scelerisque sed sem semper senectus sit "
            + "sociis sociosqu sodales sollicitudin suscipit suspendisse taciti tellus tempor tempus tincidunt "
            + "torquent tortor tristique turpis ullamcorper ultrices ultricies urna ut varius vehicula vel velit "
            + "venenatis vestibulum vitae vivamus viverra volutpat vulputate "
            ).trim().split(" ");

    private static Object lipsum(CallContext c, Arguments a) {
        Object[] p = LIPSUM.bind(null, a);
        long n = Methods.index(p[1]);
        boolean html = Py.truthy(p[2]);
        long min = Methods.index(p[3]);
        long max = Methods.index(p[4]);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> result = new ArrayList<>();
        for (long k = 0; k < n; k++) {
            boolean nextCapitalized = true;
            int lastComma = 0;
            int lastFullstop = 0;
            String last = null;
            List<String> words = new ArrayList<>();
            long count = min >= max ? min : random.nextLong(min, max);
            for (int idx = 0; idx < count; idx++) {
                String word;
                do {
                    word = WORDS[random.nextInt(WORDS.length)];
                } while (word.equals(last));
                last = word;
                if (nextCapitalized) {
                    word = StrMethods.capitalize(word);
                    nextCapitalized = false;
                }
                if (idx - random.nextInt(3, 8) > lastComma) {
                    lastComma = idx;
                    lastFullstop += 2;
                    word += ",";
                }
                if (idx - random.nextInt(10, 20) > lastFullstop) {
                    lastComma = idx;
                    lastFullstop = idx;
                    word += ".";
                    nextCapitalized = true;
                }
                words.add(word);
            }
            String text = String.join(" ", words);
            if (text.endsWith(",")) {
                text = text.substring(0, text.length() - 1) + ".";
            } else if (!text.endsWith(".")) {
                text += ".";
            }
            result.add(text);
        }
        if (!html) {
            return String.join("\n\n", result);
        }
        StringBuilder sb = new StringBuilder();
        for (String para : result) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append("<p>").append(PyMarkup.escapeText(para)).append("</p>");
        }
        return new PyMarkup(sb.toString());
    }

    /** Jinja2's {@code cycler(*items)}: {@code next()}, {@code reset()}, {@code current}, {@code items}, {@code pos}. */
    static final class Cycler implements PyObject, PyTyped {
        private final PyTuple items;
        private int pos;

        Cycler(List<Object> items) {
            if (items.isEmpty()) {
                throw JinjaException.python("RuntimeError", "at least one item has to be provided");
            }
            this.items = PyTuple.copyOf(items);
        }

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "items":
                    return items;
                case "pos":
                    return (long) pos;
                case "current":
                    return items.get(pos);
                case "next":
                    return new Builtin("<bound method Cycler.next of " + repr() + ">", (c, a) -> {
                        Methods.noArgs("Cycler.next", a);
                        Object rv = items.get(pos);
                        pos = (pos + 1) % items.size();
                        return rv;
                    });
                case "reset":
                    return new Builtin("<bound method Cycler.reset of " + repr() + ">", (c, a) -> {
                        Methods.noArgs("Cycler.reset", a);
                        pos = 0;
                        return null;
                    });
                default:
                    return MISSING;
            }
        }

        @Override
        public String repr() {
            return "<jinja2.utils.Cycler object at 0x7f0000000000>";
        }

        @Override
        public String pythonTypeName() {
            return "Cycler";
        }

        @Override
        public String pythonModule() {
            return "jinja2.utils";
        }
    }

    /** Jinja2's {@code joiner(sep)}: empty on the first call, the separator after. */
    static final class Joiner implements PyObject, PyTyped, JinjaCallable {
        private final String sep;
        private boolean used;

        Joiner(String sep) {
            this.sep = sep;
        }

        @Override
        public Object call(CallContext context, Arguments args) {
            Methods.noArgs("Joiner.__call__", args);
            if (!used) {
                used = true;
                return "";
            }
            return sep;
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "sep" -> sep;
                case "used" -> used;
                default -> MISSING;
            };
        }

        @Override
        public String repr() {
            return "<jinja2.utils.Joiner object at 0x7f0000000000>";
        }

        @Override
        public String pythonTypeName() {
            return "Joiner";
        }

        @Override
        public String pythonModule() {
            return "jinja2.utils";
        }
    }
}

package io.slipway.jinja.builtins;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaException;

import java.util.List;
import java.util.Map;

/**
 * A Python function's parameters, to bind a filter's or test's arguments as CPython would and to raise its
 * TypeErrors ({@code do_center() takes from 1 to 2 positional arguments but 3 were given}). The first
 * parameter is the filtered value; {@code hidden} counts leading parameters Jinja2 passes itself (the
 * environment or context), which CPython's messages count too.
 */
final class Signature {
    /** Marks a parameter without default. */
    static final Object REQUIRED = new Object();

    private final String function;
    private final int hidden;
    private final String[] names;
    private final Object[] defaults;
    private final int required;

    private Signature(String function, int hidden, String[] names, Object[] defaults) {
        this.function = function;
        this.hidden = hidden;
        this.names = names;
        this.defaults = defaults;
        int r = 0;
        while (r < defaults.length && defaults[r] == REQUIRED) {
            r++;
        }
        this.required = r;
    }

    /**
     * A signature from alternating names and defaults after the value parameter:
     * {@code of("do_center", 0, "value", "width", 80L)}; {@link #REQUIRED} for no default.
     */
    static Signature of(String function, int hidden, String valueName, Object... namesAndDefaults) {
        int n = namesAndDefaults.length / 2 + 1;
        String[] names = new String[n];
        Object[] defaults = new Object[n];
        names[0] = valueName;
        defaults[0] = REQUIRED;
        for (int i = 1; i < n; i++) {
            names[i] = (String) namesAndDefaults[2 * (i - 1)];
            defaults[i] = namesAndDefaults[2 * (i - 1) + 1];
        }
        return new Signature(function, hidden, names, defaults);
    }

    /** Binds the value and the call's arguments; element 0 is the value, then each parameter in order. */
    Object[] bind(Object value, Arguments args) {
        List<Object> positional = args.positional();
        Map<String, Object> keywords = args.keywords();
        int given = positional.size() + 1;
        if (given > names.length) {
            int max = names.length + hidden;
            int min = required + hidden;
            int n = given + hidden;
            String what = min == max
                    ? "takes " + max + " positional argument" + (max == 1 ? "" : "s")
                    : "takes from " + min + " to " + max + " positional arguments";
            throw JinjaException.python("TypeError", function + "() " + what + " but " + n + (n == 1 ? " was" : " were") + " given");
        }
        Object[] out = new Object[names.length];
        out[0] = value;
        for (int i = 0; i < positional.size(); i++) {
            out[i + 1] = positional.get(i);
        }
        for (int i = given; i < names.length; i++) {
            out[i] = REQUIRED;
        }
        for (Map.Entry<String, Object> e : keywords.entrySet()) {
            int at = indexOf(e.getKey());
            if (at < 0) {
                throw JinjaException.python("TypeError", function + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (at < given) {
                throw JinjaException.python("TypeError", function + "() got multiple values for argument '" + e.getKey() + "'");
            }
            out[at] = e.getValue();
        }
        StringBuilder missing = null;
        int missingCount = 0;
        for (int i = 0; i < names.length; i++) {
            if (out[i] == REQUIRED) {
                if (defaults[i] == REQUIRED) {
                    missingCount++;
                    if (missing == null) {
                        missing = new StringBuilder();
                    }
                    missing.append(missing.length() == 0 ? "" : " and ").append('\'').append(names[i]).append('\'');
                } else {
                    out[i] = defaults[i];
                }
            }
        }
        if (missing != null) {
            throw JinjaException.python("TypeError", function + "() missing " + missingCount + " required positional argument"
                    + (missingCount == 1 ? "" : "s") + ": " + missing);
        }
        return out;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}

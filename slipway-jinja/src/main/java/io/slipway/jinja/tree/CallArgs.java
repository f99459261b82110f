package io.slipway.jinja.tree;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of a call, filter or test: positional, keyword, {@code *args} and {@code **kwargs}. */
public final class CallArgs {
    public static final CallArgs NONE = new CallArgs(new Expr[0], new String[0], new Expr[0], null, null);
    private static final Object[] NO_VALUES = new Object[0];

    private final Expr[] positional;
    private final String[] keywordNames;
    private final Expr[] keywordValues;
    private final Expr dynArgs;
    private final Expr dynKwargs;

    public CallArgs(Expr[] positional, String[] keywordNames, Expr[] keywordValues, Expr dynArgs, Expr dynKwargs) {
        this.positional = positional;
        this.keywordNames = keywordNames;
        this.keywordValues = keywordValues;
        this.dynArgs = dynArgs;
        this.dynKwargs = dynKwargs;
    }

    public boolean isEmpty() {
        return positional.length == 0 && keywordNames.length == 0 && dynArgs == null && dynKwargs == null;
    }

    /** Positional values, {@code *args} expanded. */
    public Object[] positional(Frame frame) {
        if (dynArgs == null) {
            if (positional.length == 0) {
                return NO_VALUES;
            }
            Object[] values = new Object[positional.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = positional[i].eval(frame);
            }
            return values;
        }
        List<Object> values = new ArrayList<>(positional.length + 4);
        for (Expr e : positional) {
            values.add(e.eval(frame));
        }
        Object extra = dynArgs.eval(frame);
        Iterator<Object> it;
        if (extra instanceof UndefinedValue u) {
            it = u.iterate();
        } else {
            try {
                it = Py.iterate(extra);
            } catch (JinjaException e) {
                throw JinjaException.python("TypeError",
                        "Value after * must be an iterable, not " + Py.typeName(extra));
            }
        }
        while (it.hasNext()) {
            values.add(it.next());
        }
        return values.toArray();
    }

    /** Keyword values, {@code **kwargs} expanded, in call order; {@code null} when there are none. */
    public Map<String, Object> keywords(Frame frame) {
        if (keywordNames.length == 0 && dynKwargs == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keywordNames.length; i++) {
            values.put(keywordNames[i], keywordValues[i].eval(frame));
        }
        if (dynKwargs != null) {
            Object extra = dynKwargs.eval(frame);
            if (extra instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String k)) {
                        throw JinjaException.python("TypeError", "keywords must be strings");
                    }
                    if (values.containsKey(k)) {
                        throw JinjaException.python("TypeError", "got multiple values for keyword argument '" + k + "'");
                    }
                    values.put(k, e.getValue());
                }
            } else if (extra instanceof UndefinedValue u) {
                u.iterate();
            } else {
                throw JinjaException.python("TypeError",
                        "argument after ** must be a mapping, not " + Py.typeName(extra));
            }
        }
        return values;
    }

    /** The arguments as the public API passes them. */
    public Arguments arguments(Frame frame) {
        if (isEmpty()) {
            return Arguments.empty();
        }
        Object[] pos = positional(frame);
        Map<String, Object> kw = keywords(frame);
        return Arguments.wrap(pos, kw);
    }
}

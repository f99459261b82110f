package io.slipway.jinja.tree;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;
import io.slipway.jinja.runtime.UndefinedValue;

import java.util.Iterator;
import java.util.List;

/** Unpacks an iterable into several targets: {@code a, b = pair}, {@code for k, v in d.items()}. */
public final class TupleTarget extends Target {
    private final Target[] items;

    public TupleTarget(Target[] items) {
        this.items = items;
    }

    @Override
    public void assign(Frame frame, Object value) {
        int n = items.length;
        if (value instanceof List<?> list && !(value instanceof io.slipway.jinja.PyTuple) && list.size() != n) {
            throw mismatch(n, list.size());
        }
        Iterator<Object> it;
        if (value instanceof UndefinedValue u) {
            it = u.iterate();
        } else {
            try {
                it = Py.iterate(value);
            } catch (JinjaException e) {
                if ("TypeError".equals(e.pythonType())) {
                    throw JinjaException.python("TypeError", "cannot unpack non-iterable " + Py.typeName(value) + " object");
                }
                throw e;
            }
        }
        Object[] values = new Object[n];
        int got = 0;
        while (got < n && it.hasNext()) {
            values[got++] = it.next();
        }
        if (got < n) {
            throw mismatch(n, got);
        }
        if (it.hasNext()) {
            throw JinjaException.python("ValueError", "too many values to unpack (expected " + n + ")");
        }
        for (int i = 0; i < n; i++) {
            items[i].assign(frame, values[i]);
        }
    }

    private static JinjaException mismatch(int expected, int got) {
        if (got > expected) {
            return JinjaException.python("ValueError", "too many values to unpack (expected " + expected + ")");
        }
        return JinjaException.python("ValueError",
                "not enough values to unpack (expected " + expected + ", got " + got + ")");
    }
}

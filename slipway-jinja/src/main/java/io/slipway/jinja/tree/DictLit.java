package io.slipway.jinja.tree;

import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Frame;
import io.slipway.jinja.runtime.Py;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code {k: v}} with any expressions as keys: a new dict at each evaluation. */
public final class DictLit extends Expr {
    private final Expr[] keys;
    private final Expr[] values;

    public DictLit(Expr[] keys, Expr[] values, int line) {
        super(line);
        this.keys = keys;
        this.values = values;
    }

    @Override
    public Object eval(Frame frame) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i].eval(frame);
            Object v = values[i].eval(frame);
            Py.requireHashable(k);
            Object existing = map.isEmpty() ? PyObject.MISSING : Py.dictKey(map, k);
            map.put(existing == PyObject.MISSING ? k : existing, v);
        }
        return map;
    }

    @Override
    public Object literal() {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i].literal();
            Object v = values[i].literal();
            if (k == PyObject.MISSING || v == PyObject.MISSING) {
                return PyObject.MISSING;
            }
            map.put(k, v);
        }
        return map;
    }

    @Override
    public String nodeName() {
        return "dict";
    }
}

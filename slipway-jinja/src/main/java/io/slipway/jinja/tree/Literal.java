package io.slipway.jinja.tree;

import io.slipway.jinja.runtime.Frame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value given by a host (a block tag's default): lists and dicts are copied at each evaluation. */
public final class Literal extends Expr {
    private final Object value;

    public Literal(Object value, int line) {
        super(line);
        this.value = value;
    }

    @Override
    public Object eval(Frame frame) {
        return copy(value);
    }

    @Override
    public Object literal() {
        return copy(value);
    }

    private static Object copy(Object v) {
        if (v instanceof List<?> l && !(v instanceof io.slipway.jinja.PyTuple)) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object o : l) {
                c.add(copy(o));
            }
            return c;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put(e.getKey(), copy(e.getValue()));
            }
            return c;
        }
        return v;
    }

    @Override
    public String nodeName() {
        return "const";
    }
}

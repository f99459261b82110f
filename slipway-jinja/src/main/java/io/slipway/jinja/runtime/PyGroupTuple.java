package io.slipway.jinja.runtime;

import io.slipway.jinja.PyObject;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The named tuple {@code (grouper, list)} that the {@code groupby} filter yields: it unpacks and prints as a
 * tuple and also has the attributes {@code grouper} and {@code list}.
 */
public final class PyGroupTuple extends AbstractList<Object> implements RandomAccess, PyObject, PyTyped {
    private final Object grouper;
    private final List<Object> list;

    public PyGroupTuple(Object grouper, List<Object> list) {
        this.grouper = grouper;
        this.list = list;
    }

    @Override
    public Object get(int index) {
        return switch (index) {
            case 0 -> grouper;
            case 1 -> list;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "grouper" -> grouper;
            case "list" -> list;
            default -> MISSING;
        };
    }

    @Override
    public Object getItem(Object key) {
        if (Py.isInt(key)) {
            Object v = Py.getItem(io.slipway.jinja.PyTuple.of(grouper, list), key);
            return v;
        }
        return key instanceof String s ? getAttr(s) : MISSING;
    }

    @Override
    public String repr() {
        return "(" + Py.repr(grouper) + ", " + Py.repr(list) + ")";
    }

    @Override
    public String pythonTypeName() {
        return "_GroupTuple";
    }

    @Override
    public String pythonModule() {
        return "jinja2.filters";
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof List<?> l && Py.eq(io.slipway.jinja.PyTuple.of(grouper, list), l));
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}

package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;

import java.util.Iterator;

/**
 * A Python generator or iterator as filters such as {@code map}, {@code select} and {@code unique} return it:
 * it can be iterated once, is always true, and has no {@code len()}.
 */
public final class PyGenerator implements Iterable<Object>, PyTyped {
    private final String typeName;
    private final String function;
    private final Iterator<Object> iterator;

    private PyGenerator(String typeName, String function, Iterator<Object> iterator) {
        this.typeName = typeName;
        this.function = function;
        this.iterator = iterator;
    }

    /** A generator made by the Python function {@code function} (used in its repr). */
    public static PyGenerator of(String function, Iterator<?> iterator) {
        @SuppressWarnings("unchecked")
        Iterator<Object> it = (Iterator<Object>) iterator;
        return new PyGenerator("generator", function, it);
    }

    /** A built-in iterator type such as {@code list_reverseiterator} or {@code dict_itemiterator}. */
    public static PyGenerator iterator(String typeName, Iterator<?> iterator) {
        @SuppressWarnings("unchecked")
        Iterator<Object> it = (Iterator<Object>) iterator;
        return new PyGenerator(typeName, null, it);
    }

    @Override
    public Iterator<Object> iterator() {
        return iterator;
    }

    @Override
    public String pythonTypeName() {
        return typeName;
    }

    /** Python's repr, with a fixed address (CPython prints the object's memory address). */
    public String repr() {
        if (function != null) {
            return "<generator object " + function + " at 0x7f0000000000>";
        }
        return "<" + typeName + " object at 0x7f0000000000>";
    }

    static JinjaException noLen(String typeName) {
        return JinjaException.python("TypeError", "object of type '" + typeName + "' has no len()");
    }

    @Override
    public String toString() {
        return repr();
    }
}

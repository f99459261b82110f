package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.Undefined;
import io.slipway.jinja.UndefinedMode;

import java.util.Collections;
import java.util.Iterator;

/**
 * An undefined value and what each use of it does under its {@link UndefinedMode}, as Jinja2's
 * {@code Undefined}, {@code StrictUndefined} and dbt's capture-mode undefined behave.
 */
public final class UndefinedValue implements Undefined {
    private final UndefinedMode mode;
    private final String hint;
    private final String errorType;

    private UndefinedValue(UndefinedMode mode, String hint) {
        this(mode, hint, "UndefinedError");
    }

    private UndefinedValue(UndefinedMode mode, String hint, String errorType) {
        this.mode = mode;
        this.hint = hint;
        this.errorType = errorType;
    }

    /**
     * The sandbox's undefined for an unsafe attribute ({@code ''.__class__}): prints empty and is not defined,
     * but any other use raises {@code SecurityError} with {@code hint}.
     */
    public static UndefinedValue unsafe(UndefinedMode mode, String hint) {
        return new UndefinedValue(mode, hint, "SecurityError");
    }

    /** The undefined for a missing name: {@code 'x' is undefined}. */
    public static UndefinedValue name(UndefinedMode mode, String name) {
        return new UndefinedValue(mode, "'" + name + "' is undefined");
    }

    /**
     * The undefined for a missing attribute or item, worded as Jinja2 words it: {@code 'dict object' has no
     * attribute 'x'} for a str key, {@code list object has no element 3} for any other key.
     */
    public static UndefinedValue attribute(UndefinedMode mode, Object owner, Object key) {
        if (key instanceof String) {
            return new UndefinedValue(mode, "'" + Py.objectTypeRepr(owner) + "' has no attribute " + Py.repr(key));
        }
        return new UndefinedValue(mode, Py.objectTypeRepr(owner) + " has no element " + Py.repr(key));
    }

    /** The undefined with a message of its own. */
    public static UndefinedValue hint(UndefinedMode mode, String hint) {
        return new UndefinedValue(mode, hint);
    }

    public UndefinedMode mode() {
        return mode;
    }

    @Override
    public String message() {
        return hint;
    }

    /** Raises the UndefinedError Jinja2 raises on use. */
    public JinjaException fail() {
        return JinjaException.python(errorType, hint);
    }

    /** {@code str(undefined)}: empty, except strict mode raises. */
    public String str() {
        if (mode == UndefinedMode.STRICT) {
            throw fail();
        }
        return "";
    }

    /** {@code bool(undefined)}: false, except strict mode raises. */
    public boolean truthy() {
        if (mode == UndefinedMode.STRICT) {
            throw fail();
        }
        return false;
    }

    /** {@code iter(undefined)}: empty, except strict mode raises. */
    public Iterator<Object> iterate() {
        if (mode == UndefinedMode.STRICT) {
            throw fail();
        }
        return Collections.emptyIterator();
    }

    /** {@code len(undefined)}: 0, except strict mode raises. */
    public int len() {
        if (mode == UndefinedMode.STRICT) {
            throw fail();
        }
        return 0;
    }

    /** Attribute, item access and calls: the capture mode returns itself; the others raise. */
    public Object chain() {
        if (mode == UndefinedMode.CHAINABLE) {
            return this;
        }
        throw fail();
    }

    @Override
    public String toString() {
        return "Undefined(" + hint + ")";
    }
}

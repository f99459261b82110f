package io.slipway.jinja;

/**
 * A host object seen by templates as a Python object with attributes ({@code obj.name}).
 *
 * <p>Attribute access on a {@code PyObject} calls {@link #getAttr}; subscript access ({@code obj['k']})
 * calls {@link #getItem}. Printing uses {@link #str}, {@code repr()} and containers use {@link #repr}.
 * A method is an attribute whose value is a {@link JinjaCallable}.
 */
public interface PyObject {
    /** Returned by {@link #getAttr} and {@link #getItem} when there is no such attribute or item. */
    Object MISSING = Missing.INSTANCE;

    /** The attribute's value, or {@link #MISSING}. */
    Object getAttr(String name);

    /** The item's value, or {@link #MISSING}; by default items are attributes, as Jinja2 falls back. */
    default Object getItem(Object key) {
        return key instanceof String s ? getAttr(s) : MISSING;
    }

    /** Python's {@code str(self)}. */
    default String str() {
        return repr();
    }

    /** Python's {@code repr(self)}. */
    default String repr() {
        return "<" + getClass().getSimpleName() + " object>";
    }

    /** Python's {@code bool(self)}. */
    default boolean truthy() {
        return true;
    }

    /** The sentinel type of {@link #MISSING}. */
    enum Missing {
        INSTANCE
    }
}

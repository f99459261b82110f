package io.slipway.jinja.runtime;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.CallContext;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.JinjaException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.UndefinedMode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Jinja2's {@code loop} object: position in the iteration, look-ahead ({@code last}, {@code nextitem},
 * which advance the iterator by one item early, as Jinja2's does), {@code cycle}, {@code changed}, and the
 * recursive call {@code loop(children)}. One per loop run; confined to the rendering thread.
 */
public final class LoopContext implements PyObject, PyTyped, JinjaCallable {
    /** Renders the loop body over {@code children} one level deeper, for {@code loop(children)}. */
    @FunctionalInterface
    public interface Recursion {
        String render(Object children, int depth0);
    }

    private static final Object NONE = new Object();

    private final Object iterable;
    private Iterator<Object> iterator;
    private final Recursion recursion;
    private final int depth0;
    private final UndefinedMode mode;

    private int index0 = -1;
    private int length = -1;
    private Object before = NONE;
    private Object current = NONE;
    private Object after = NONE;
    private Object lastChanged = NONE;

    /**
     * @param iterable  the iterated value, for its {@code len()}; {@code null} when filtered (length then
     *                  counts the remaining items)
     * @param recursion how to recurse, or {@code null} when the loop is not {@code recursive}
     */
    public LoopContext(Object iterable, Iterator<Object> iterator, Recursion recursion, int depth0, UndefinedMode mode) {
        this.iterable = iterable;
        this.iterator = iterator;
        this.recursion = recursion;
        this.depth0 = depth0;
        this.mode = mode;
    }

    public boolean hasNext() {
        return after != NONE || iterator.hasNext();
    }

    public Object next() {
        Object item;
        if (after != NONE) {
            item = after;
            after = NONE;
        } else {
            item = iterator.next();
        }
        index0++;
        before = current;
        current = item;
        return item;
    }

    private Object peek() {
        if (after == NONE && iterator.hasNext()) {
            after = iterator.next();
        }
        return after;
    }

    public int length() {
        if (length >= 0) {
            return length;
        }
        if (iterable != null) {
            try {
                length = Py.len(iterable);
                return length;
            } catch (JinjaException e) {
                if (!"TypeError".equals(e.pythonType())) {
                    throw e;
                }
            }
        }
        List<Object> rest = new ArrayList<>();
        iterator.forEachRemaining(rest::add);
        iterator = rest.iterator();
        length = rest.size() + index0 + 1 + (after != NONE ? 1 : 0);
        return length;
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "index0" -> (long) index0;
            case "index" -> (long) index0 + 1;
            case "revindex0" -> (long) length() - (index0 + 1);
            case "revindex" -> (long) length() - index0;
            case "first" -> index0 == 0;
            case "last" -> peek() == NONE;
            case "length" -> (long) length();
            case "depth" -> (long) depth0 + 1;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 == 0 ? UndefinedValue.hint(mode, "there is no previous item") : before;
            case "nextitem" -> {
                Object next = peek();
                yield next == NONE ? UndefinedValue.hint(mode, "there is no next item") : next;
            }
            case "cycle" -> (JinjaCallable) this::cycle;
            case "changed" -> (JinjaCallable) this::changed;
            default -> MISSING;
        };
    }

    @Override
    public Object getItem(Object key) {
        return MISSING;
    }

    private Object cycle(CallContext context, Arguments args) {
        List<Object> items = args.positional();
        if (items.isEmpty()) {
            throw JinjaException.python("TypeError", "no items for cycling given");
        }
        return items.get(index0 % items.size());
    }

    private Object changed(CallContext context, Arguments args) {
        PyTuple value = PyTuple.copyOf(args.positional());
        if (lastChanged == NONE || !Py.eq(lastChanged, value)) {
            lastChanged = value;
            return true;
        }
        return false;
    }

    /** {@code loop(children)} in a {@code recursive} loop. */
    @Override
    public Object call(CallContext context, Arguments args) {
        if (recursion == null) {
            throw JinjaException.python("TypeError", "The loop must have the 'recursive' marker to be called recursively.");
        }
        if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
            throw JinjaException.python("TypeError",
                    "LoopContext.__call__() takes 2 positional arguments but " + (args.size() + 1) + " were given");
        }
        return recursion.render(args.positional().get(0), depth0 + 1);
    }

    @Override
    public String repr() {
        return "<LoopContext " + (index0 + 1) + "/" + length() + ">";
    }

    @Override
    public String pythonTypeName() {
        return "LoopContext";
    }

    @Override
    public String pythonModule() {
        return "jinja2.runtime";
    }
}

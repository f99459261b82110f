package io.slipway.jinja.runtime;

import io.slipway.jinja.JinjaException;

import java.util.AbstractList;
import java.util.RandomAccess;

/** Python's {@code range}: an immutable arithmetic sequence of ints, printed as {@code range(0, 3)}. */
public final class PyRange extends AbstractList<Object> implements RandomAccess, PyTyped {
    private final long start;
    private final long stop;
    private final long step;
    private final int size;

    public PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw JinjaException.python("ValueError", "range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long n;
        if (step > 0) {
            n = start < stop ? (stop - start - 1) / step + 1 : 0;
        } else {
            n = start > stop ? (start - stop - 1) / -step + 1 : 0;
        }
        if (n > Integer.MAX_VALUE) {
            throw JinjaException.python("OverflowError", "Python int too large to convert to C ssize_t");
        }
        this.size = (int) n;
    }

    public long start() {
        return start;
    }

    public long stop() {
        return stop;
    }

    public long step() {
        return step;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return start + step * index;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String pythonTypeName() {
        return "range";
    }

    /** Python's repr: {@code range(0, 3)}, {@code range(0, 10, 3)}. */
    public String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PyRange r)) {
            return false;
        }
        if (size != r.size) {
            return false;
        }
        if (size == 0) {
            return true;
        }
        return start == r.start && (size == 1 || step == r.step);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + size;
    }

    @Override
    public String toString() {
        return repr();
    }
}

package io.slipway.diff.hash;

import io.slipway.diff.plan.ColumnPair;
import io.slipway.diff.plan.Comparison;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Orders canonical keys as the warehouses order the comparable keys: numbers numerically, text by code
 * point (the byte order of UTF-8), decimals kept as text numerically, timestamps by their ISO text.
 */
final class KeyOrder implements Comparator<List<Object>> {
    private final List<ColumnPair> keys;

    KeyOrder(List<ColumnPair> keys) {
        this.keys = keys;
    }

    @Override
    public int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < keys.size(); i++) {
            int c = compare(keys.get(i).comparison(), a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compare(Comparison comparison, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        String x = a.toString();
        String y = b.toString();
        if (comparison.kind() == Comparison.Kind.DECIMAL) {
            return new BigDecimal(x).compareTo(new BigDecimal(y));
        }
        return byCodePoint(x, y);
    }

    private static int byCodePoint(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}

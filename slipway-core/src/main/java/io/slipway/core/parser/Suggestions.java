package io.slipway.core.parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** Up to three names close to {@code wanted}, closest first. */
    public static List<String> closest(String wanted, List<String> names) {
        int limit = Math.max(2, wanted.length() / 3);
        List<String[]> scored = new ArrayList<>();
        for (String name : names) {
            int d = distance(wanted.toLowerCase(), name.toLowerCase());
            if (d <= limit) {
                scored.add(new String[] {name, Integer.toString(d)});
            }
        }
        scored.sort(Comparator.<String[]>comparingInt(s -> Integer.parseInt(s[1])).thenComparing(s -> s[0]));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(3, scored.size()); i++) {
            out.add(scored.get(i)[0]);
        }
        return out;
    }

    /** " Did you mean 'x'?" or empty. */
    public static String didYouMean(String wanted, List<String> names) {
        List<String> c = closest(wanted, names);
        if (c.isEmpty()) {
            return "";
        }
        return " Did you mean " + String.join(" or ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

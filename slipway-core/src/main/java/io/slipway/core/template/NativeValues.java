package io.slipway.core.template;

import java.util.Locale;

/**
 * Rendered YAML values become the type they spell, as dbt's native rendering does for project and
 * profile values: {@code "true"} a boolean, {@code "4"} an integer, {@code "2.5"} a float, anything else text.
 */
public final class NativeValues {
    private NativeValues() {
    }

    public static Object fromText(String text) {
        String t = text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "none", "null":
                return t.equals("None") ? null : text;
            default:
                break;
        }
        // only where the number spells back the same, so "007" or a password of digits stays text
        if (t.matches("-?\\d{1,18}") && Long.toString(Long.parseLong(t)).equals(t)) {
            return Long.parseLong(t);
        }
        if (t.matches("-?\\d+\\.\\d+") && Double.toString(Double.parseDouble(t)).equals(t)) {
            return Double.parseDouble(t);
        }
        return text;
    }
}

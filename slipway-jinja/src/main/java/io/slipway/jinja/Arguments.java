package io.slipway.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python-style call arguments: positional values, then keyword values in call order. Immutable. */
public final class Arguments {
    private static final Arguments EMPTY = new Arguments(List.of(), Map.of());

    private final List<Object> positional;
    private final Map<String, Object> keywords;

    private Arguments(List<Object> positional, Map<String, Object> keywords) {
        this.positional = positional;
        this.keywords = keywords;
    }

    /** Arguments with copies of the given values; {@code null} elements are Python's {@code None}. */
    public static Arguments of(List<?> positional, Map<String, ?> keywords) {
        Objects.requireNonNull(positional, "positional is null");
        Objects.requireNonNull(keywords, "keywords is null");
        if (positional.isEmpty() && keywords.isEmpty()) {
            return EMPTY;
        }
        return new Arguments(
                Collections.unmodifiableList(new ArrayList<>(positional)),
                Collections.unmodifiableMap(new LinkedHashMap<>(keywords)));
    }

    /**
     * Arguments over these arrays and map without copying them: the caller hands them over and must not
     * change them afterwards (the engine uses this for each call; {@code keywords} may be {@code null}).
     */
    public static Arguments wrap(Object[] positional, Map<String, Object> keywords) {
        boolean noKeywords = keywords == null || keywords.isEmpty();
        if (positional.length == 0 && noKeywords) {
            return EMPTY;
        }
        return new Arguments(
                positional.length == 0 ? List.of() : Collections.unmodifiableList(java.util.Arrays.asList(positional)),
                noKeywords ? Map.of() : Collections.unmodifiableMap(keywords));
    }

    public static Arguments positional(Object... values) {
        return of(java.util.Arrays.asList(values), Map.of());
    }

    public static Arguments empty() {
        return EMPTY;
    }

    public List<Object> positional() {
        return positional;
    }

    public Map<String, Object> keywords() {
        return keywords;
    }

    public int size() {
        return positional.size() + keywords.size();
    }

    /**
     * The argument bound to a parameter as Python binds it: position {@code index} if given, else keyword
     * {@code name}, else {@code defaultValue}.
     */
    public Object get(int index, String name, Object defaultValue) {
        if (index >= 0 && index < positional.size()) {
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        return defaultValue;
    }

    /** Whether position {@code index} or keyword {@code name} was passed. */
    public boolean has(int index, String name) {
        return (index >= 0 && index < positional.size()) || (name != null && keywords.containsKey(name));
    }
}

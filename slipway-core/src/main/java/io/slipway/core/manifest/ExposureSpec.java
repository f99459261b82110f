package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an exposure ({@code exposures:} in a properties file) declares beyond a node's usual fields: the kind of
 * downstream use, who owns it, and where it is.
 *
 * @param type     {@code dashboard}, {@code notebook}, {@code analysis}, {@code ml} or {@code application}
 * @param owner    {@code name} and/or {@code email}
 * @param label    a human-friendly name, or null
 * @param maturity {@code low}, {@code medium}, {@code high}, or null
 * @param url      where it lives, or null
 */
public record ExposureSpec(String type, Map<String, Object> owner, String label, String maturity, String url) {
    public ExposureSpec {
        Objects.requireNonNull(type, "type is null");
        owner = Frozen.map(owner == null ? Map.of() : owner);
    }

    /** Everything, as a plain map (for the partial-parse cache). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("owner", owner);
        m.put("label", label);
        m.put("maturity", maturity);
        m.put("url", url);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ExposureSpec fromJson(Map<String, Object> m) {
        return new ExposureSpec(String.valueOf(m.get("type")), (Map<String, Object>) m.get("owner"), (String) m.get("label"),
                (String) m.get("maturity"), (String) m.get("url"));
    }

    /**
     * The declared properties as one comparable text (sorted keys, no empty values), for state:modified: the same
     * from a parse and from a manifest's {@code exposures} entry, whoever wrote it.
     */
    public static String fingerprint(Object type, Object owner, Object label, Object maturity, Object url) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", type);
        if (owner instanceof Map<?, ?> o) {
            Map<String, Object> sorted = new TreeMap<>();
            for (String key : new String[] {"email", "name"}) {
                if (o.get(key) != null) {
                    sorted.put(key, o.get(key));
                }
            }
            m.put("owner", sorted);
        }
        m.put("label", label);
        m.put("maturity", maturity);
        m.put("url", url);
        m.values().removeIf(Objects::isNull);
        return m.toString();
    }

    public String fingerprint() {
        return fingerprint(type, owner, label, maturity, url);
    }
}

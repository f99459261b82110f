package io.slipway.core.manifest;

import io.slipway.core.project.Frozen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a unit test ({@code unit_tests:} in a properties file, dbt 1.8) declares: the model it tests, the rows
 * each input gives, the rows expected, and the macros, vars and env vars it overrides. Rows given as CSV (inline
 * or a fixture file) are already read into rows, as dbt's manifest holds them; SQL rows stay text.
 *
 * @param model     the tested model as written ({@code customers})
 * @param given     one fixture per input ({@code ref('stg_orders')}, {@code source('shop', 'orders')}, {@code this})
 * @param expect    the expected rows (its input is null)
 * @param overrides {@code macros}, {@code vars} and {@code env_vars} maps, or empty
 * @param versions  {@code include}/{@code exclude} lists for versioned models, or null
 */
public record UnitTestSpec(String model, List<Fixture> given, Fixture expect, Map<String, Object> overrides, Map<String, Object> versions) {
    public UnitTestSpec {
        Objects.requireNonNull(model, "model is null");
        given = List.copyOf(given);
        Objects.requireNonNull(expect, "expect is null");
        overrides = Frozen.map(overrides == null ? Map.of() : overrides);
        versions = versions == null ? null : Frozen.map(versions);
    }

    /**
     * Rows of one input or of the expected output.
     *
     * @param format  {@code dict}, {@code csv} or {@code sql}
     * @param rows    for dict and csv a list of rows (column to value), for sql the query
     * @param fixture the fixture file it came from ({@code tests/fixtures/<name>.csv}), or null
     */
    public record Fixture(String input, String format, Object rows, String fixture) {
        public Fixture {
            Objects.requireNonNull(format, "format is null");
            rows = Frozen.value(rows);
        }

        /** The rows as column-to-value maps (empty for sql fixtures). */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> rowMaps() {
            return rows instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        }

        public boolean isSql() {
            return "sql".equals(format);
        }

        /** As the manifest writes it. */
        public Map<String, Object> toJson(boolean withInput) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (withInput) {
                m.put("input", input);
            }
            m.put("rows", rows);
            m.put("format", format);
            m.put("fixture", fixture);
            return m;
        }

        static Fixture fromJson(Map<?, ?> m) {
            return new Fixture(m.get("input") == null ? null : m.get("input").toString(), String.valueOf(m.get("format")), m.get("rows"),
                    m.get("fixture") == null ? null : m.get("fixture").toString());
        }
    }

    /** What a macro, var or env var is overridden with: {@code kind} is {@code macros}, {@code vars} or {@code env_vars}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> overrides(String kind) {
        return overrides.get(kind) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Everything, as a plain map (for the partial-parse cache). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        List<Object> inputs = new ArrayList<>();
        for (Fixture f : given) {
            inputs.add(f.toJson(true));
        }
        m.put("given", inputs);
        m.put("expect", expect.toJson(false));
        m.put("overrides", overrides);
        m.put("versions", versions);
        return m;
    }

    @SuppressWarnings("unchecked")
    public static UnitTestSpec fromJson(Map<String, Object> m) {
        List<Fixture> given = new ArrayList<>();
        for (Object o : (List<Object>) m.get("given")) {
            given.add(Fixture.fromJson((Map<?, ?>) o));
        }
        return new UnitTestSpec(String.valueOf(m.get("model")), given, Fixture.fromJson((Map<?, ?>) m.get("expect")),
                (Map<String, Object>) m.get("overrides"), (Map<String, Object>) m.get("versions"));
    }
}

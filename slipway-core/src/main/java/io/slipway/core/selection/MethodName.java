package io.slipway.core.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** dbt's selector method names ({@code MethodName} in dbt-core's {@code selector_methods.py}). */
public enum MethodName {
    FQN, TAG, GROUP, ACCESS, SOURCE, PATH, FILE, PACKAGE, CONFIG, TEST_NAME, TEST_TYPE, RESOURCE_TYPE, STATE,
    EXPOSURE, METRIC, RESULT, SOURCE_STATUS, VERSION, SEMANTIC_MODEL, SAVED_QUERY, UNIT_TEST, SELECTOR;

    /** The name as written in a selector ({@code resource_type}). */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The method with this name as written in a selector (case-sensitive, as dbt), or null. */
    public static MethodName fromDbtName(String name) {
        for (MethodName m : values()) {
            if (m.dbtName().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Every method name as written, in declaration order. */
    public static List<String> dbtNames() {
        List<String> out = new ArrayList<>();
        for (MethodName m : values()) {
            out.add(m.dbtName());
        }
        return out;
    }
}

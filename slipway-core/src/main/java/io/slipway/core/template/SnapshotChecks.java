package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The adapter methods snapshots call: which hard-delete behaviour a config asks for, and whether a table is a snapshot table. */
final class SnapshotChecks {
    private SnapshotChecks() {
    }

    /** {@code adapter.get_hard_deletes_behavior(config)}: {@code ignore}, {@code invalidate} or {@code new_record}. */
    static String hardDeletes(Object config) {
        Object legacy = configValue(config, "invalidate_hard_deletes");
        Object hardDeletes = configValue(config, "hard_deletes");
        if (legacy != null && hardDeletes != null) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                    "You cannot set both the invalidate_hard_deletes and hard_deletes config properties on the same snapshot;"
                            + " keep hard_deletes ('ignore', 'invalidate' or 'new_record')");
        }
        if (Py.truthy(legacy) || "invalidate".equals(hardDeletes)) {
            return "invalidate";
        }
        if ("new_record".equals(hardDeletes)) {
            return "new_record";
        }
        if (hardDeletes == null || "ignore".equals(hardDeletes)) {
            return "ignore";
        }
        throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Invalid setting for property hard_deletes: " + Py.repr(hardDeletes)
                + "; use 'ignore', 'invalidate' or 'new_record'");
    }

    private static Object configValue(Object config, String key) {
        if (config instanceof ConfigValue c) {
            return c.value(key);
        }
        if (config instanceof Map<?, ?> m) {
            return m.get(key);
        }
        return null;
    }

    /**
     * {@code adapter.assert_valid_snapshot_target_given_strategy}: the table has the snapshot's meta columns
     * (under their configured names), else it is not a snapshot table.
     */
    static void assertSnapshotTable(List<String> tableColumns, Object columnNames) {
        List<String> lower = tableColumns.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> missing = new ArrayList<>();
        // as dbt: dbt_updated_at and dbt_is_deleted are not always there, so only these three are required
        for (String column : List.of("dbt_scd_id", "dbt_valid_from", "dbt_valid_to")) {
            Object configured = item(columnNames, column);
            String desired = configured == null ? column : Py.str(configured);
            if (!lower.contains(desired.toLowerCase(Locale.ROOT))) {
                missing.add(desired);
            }
        }
        if (!missing.isEmpty()) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR, "Snapshot target is not a snapshot table (missing \""
                    + String.join("\", \"", missing) + "\"); drop the table or point the snapshot at another one");
        }
    }

    private static Object item(Object container, String key) {
        if (container instanceof Map<?, ?> m) {
            return m.get(key);
        }
        if (container instanceof PyObject o) {
            Object v = o.getItem(key);
            return v == PyObject.MISSING ? null : v;
        }
        return null;
    }
}

package io.slipway.core.state;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.PyValues;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code contract.checksum} of a model with an enforced contract ({@code ModelNode.build_contract_checksum}):
 * sha256 of {@code |name} + data type + constraints for each column sorted by name, then the materialization
 * and the model's constraints when it is a table or incremental. Python's {@code str()} of each part is
 * reproduced, so the checksum equals dbt's for columns without constraints; constraints use dbt-common's
 * current {@code ColumnLevelConstraint} repr.
 */
public final class ContractChecksum {
    private ContractChecksum() {
    }

    /** Whether the node is a model with {@code contract: {enforced: true}}. */
    public static boolean enforced(Node node) {
        return node.resourceType() == ResourceType.MODEL && node.config().get("contract") instanceof Map<?, ?> c
                && PyValues.truthy(c.get("enforced"));
    }

    /** The checksum, or null when the contract is not enforced (dbt leaves it unset then). */
    public static String of(Node node) {
        if (!enforced(node)) {
            return null;
        }
        List<ColumnSpec> columns = new ArrayList<>(node.columns().values());
        columns.sort(Comparator.comparing(ColumnSpec::name));
        StringBuilder state = new StringBuilder();
        for (ColumnSpec column : columns) {
            state.append('|').append(column.name());
            state.append(column.dataType() == null ? "None" : column.dataType());
            state.append(constraints(column.constraints()));
        }
        String materialized = node.materialized();
        if (materialized.equals("table") || materialized.equals("incremental")) {
            // Slipway has no model-level constraints yet: dbt's str([]) for them
            state.append(materialized).append("[]");
        }
        return FileChecksum.sha256Hex(state.toString());
    }

    /** Python's {@code str()} of a list of dbt-common {@code ColumnLevelConstraint}s. */
    private static String constraints(List<Object> constraints) {
        List<String> parts = new ArrayList<>();
        for (Object c : constraints) {
            Map<?, ?> m = c instanceof Map<?, ?> map ? map : Map.of("type", String.valueOf(c));
            String type = String.valueOf(m.get("type"));
            parts.add("ColumnLevelConstraint(type=<ConstraintType." + type + ": '" + type + "'>, name=" + repr(m.get("name"))
                    + ", expression=" + repr(m.get("expression")) + ", warn_unenforced=" + PyValues.str(m.get("warn_unenforced") == null
                    ? Boolean.TRUE : m.get("warn_unenforced")) + ", warn_unsupported=" + PyValues.str(m.get("warn_unsupported") == null
                    ? Boolean.TRUE : m.get("warn_unsupported")) + ", to=" + repr(m.get("to")) + ", to_columns="
                    + PyValues.str(m.get("to_columns") == null ? List.of() : m.get("to_columns")) + ")");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    private static String repr(Object value) {
        return value instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : PyValues.str(value);
    }
}

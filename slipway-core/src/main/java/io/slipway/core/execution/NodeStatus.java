package io.slipway.core.execution;

/** A node's outcome, spelled as run_results.json spells it. */
public enum NodeStatus {
    SUCCESS("success"), ERROR("error"), SKIPPED("skipped"), PASS("pass"), FAIL("fail"), WARN("warn"),
    /** A microbatch model some of whose batches failed (dbt 1.9): the others are written, the run still fails. */
    PARTIAL_SUCCESS("partial success");

    private final String json;

    NodeStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Whether descendants of a node with this status are skipped in {@code build} (dbt: error, fail, skipped). */
    public boolean skipsDescendantsInBuild() {
        return this == ERROR || this == FAIL || this == SKIPPED;
    }

    /** Whether this status makes the command exit 1. */
    public boolean isFailure() {
        return this == ERROR || this == FAIL || this == PARTIAL_SUCCESS;
    }
}

package io.slipway.core.execution;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;

import java.util.Locale;

/** The lines dbt prints for nodes: {@code 1 of 28 START sql table model main.customers ..... [RUN]}. */
public final class ConsoleLines {
    /** dbt pads messages with dots to this width. */
    private static final int WIDTH = 80;

    private ConsoleLines() {
    }

    /** dbt's fancy output line: index, message, dots to the fixed width, then the bracketed status. */
    public static String line(int index, int total, String message, String status, Double seconds) {
        String prefix = (index > 0 ? index + " of " + total + " " : "") + message + " ";
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < WIDTH) {
            sb.append('.');
        }
        sb.append(" [").append(status);
        if (seconds != null) {
            sb.append(String.format(Locale.ROOT, " in %.2fs", seconds));
        }
        sb.append(']');
        return sb.toString();
    }

    /** What a node is, as the START line describes it. */
    public static String describe(Node node) {
        String relation = node.schema() + "." + node.alias();
        return switch (node.resourceType()) {
            case MODEL -> "sql " + (MicrobatchPlan.isMicrobatch(node) ? "microbatch" : node.materialized()) + " model " + relation;
            case SEED -> "seed file " + relation;
            case SNAPSHOT -> "snapshot " + relation;
            case TEST -> "test " + node.name();
            case UNIT_TEST -> "unit_test " + node.unitTest().model().split("\\s+")[0] + "::" + node.name()
                    + (node.version() == null ? "" : "_v" + node.version());
            default -> node.resourceType().dbtName() + " " + node.name();
        };
    }

    public static String start(Node node) {
        return "START " + describe(node);
    }

    /** The finish line's message and bracketed status for a result. */
    public static String[] finish(Node node, NodeResult result) {
        String relation = node.schema() + "." + node.alias();
        ResourceType type = node.resourceType();
        return switch (result.status()) {
            case SUCCESS -> switch (type) {
                case SEED -> new String[] {"OK loaded seed file " + relation, result.message() == null ? "OK" : result.message()};
                case SNAPSHOT -> new String[] {"OK snapshotted " + relation, result.message() == null ? "OK" : result.message()};
                default -> new String[] {"OK created " + describe(node), result.message() == null ? "OK" : result.message()};
            };
            case PASS -> new String[] {"PASS " + node.name(), "PASS"};
            case FAIL -> new String[] {"FAIL " + result.failures() + " " + node.name(), "FAIL " + result.failures()};
            case WARN -> new String[] {"WARN " + result.failures() + " " + node.name(), "WARN " + result.failures()};
            case ERROR -> switch (type) {
                case TEST, UNIT_TEST -> new String[] {"ERROR " + node.name(), "ERROR"};
                case SEED -> new String[] {"ERROR loading seed file " + relation, "ERROR"};
                case SNAPSHOT -> new String[] {"ERROR snapshotting " + relation, "ERROR"};
                default -> new String[] {"ERROR creating " + describe(node), "ERROR"};
            };
            case PARTIAL_SUCCESS -> new String[] {"PARTIAL SUCCESS creating " + describe(node), result.message().lines().findFirst().orElse("")};
            case SKIPPED -> new String[] {type == ResourceType.TEST ? "SKIP test " + node.name()
                    : type == ResourceType.UNIT_TEST ? "SKIP " + describe(node) : "SKIP relation " + relation, "SKIP"};
        };
    }
}

package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.PyValues;

/**
 * Model versions as the selectors see them. The manifest records have no version fields yet, so a model is
 * versioned when its config has {@code version} (and {@code latest_version}, as dbt's {@code ModelNode} has).
 */
public final class ModelVersions {
    private ModelVersions() {
    }

    /** The model's version as text, or null when it is not versioned. */
    public static String version(Node node) {
        if (node.resourceType() != ResourceType.MODEL) {
            return null;
        }
        Object v = node.config().get("version");
        return v == null ? null : PyValues.str(v);
    }

    /** The latest version of the model's versions as text, or null. */
    public static String latestVersion(Node node) {
        if (node.resourceType() != ResourceType.MODEL) {
            return null;
        }
        Object v = node.config().get("latest_version");
        return v == null ? null : PyValues.str(v);
    }

    public static boolean isVersioned(Node node) {
        return version(node) != null;
    }

    /** dbt's {@code UnparsedVersion} order: numerically when both parse as numbers, else as text. */
    public static int compare(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(a.trim()), Double.parseDouble(b.trim()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}

package io.slipway.core.selection.method;

import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;

/**
 * Model versions as the selectors see them: a model's {@code versions:} entry in its properties file gives it a
 * version and the model's latest version (see {@link io.slipway.core.manifest.VersionInfo}).
 */
public final class ModelVersions {
    private ModelVersions() {
    }

    /** The model's version as text, or null when it is not versioned. */
    public static String version(Node node) {
        if (node.resourceType() != ResourceType.MODEL) {
            return null;
        }
        return node.version();
    }

    /** The latest version of the model's versions as text, or null. */
    public static String latestVersion(Node node) {
        if (node.resourceType() != ResourceType.MODEL) {
            return null;
        }
        return node.versionInfo().latestText();
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

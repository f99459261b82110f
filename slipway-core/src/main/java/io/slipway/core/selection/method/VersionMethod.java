package io.slipway.core.selection.method;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.selection.SelectionContext;
import io.slipway.core.selection.SelectionCriteria;
import io.slipway.core.selection.SelectorMethod;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code version:}: models that are the {@code latest} version, a {@code prerelease} (newer than the latest),
 * an {@code old} version, or not versioned ({@code none}). See {@link ModelVersions} for where versions come from.
 */
public final class VersionMethod implements SelectorMethod {
    @Override
    public Set<String> search(SelectionContext context, Set<String> candidates, SelectionCriteria criteria) {
        String selector = criteria.valueString();
        if (!Set.of("latest", "prerelease", "old", "none").contains(selector)) {
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid version type selector \"" + selector + "\" in '"
                    + criteria.raw() + "': expected one of: \"latest\", \"prerelease\", \"old\", or \"none\"");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Node node : context.nodes(candidates)) {
            if (node.resourceType() != ResourceType.MODEL) {
                continue;
            }
            String version = ModelVersions.version(node);
            String latest = ModelVersions.latestVersion(node);
            boolean match = switch (selector) {
                case "latest" -> version != null && version.equals(latest);
                case "prerelease" -> version != null && latest != null && ModelVersions.compare(version, latest) > 0;
                case "old" -> version != null && latest != null && ModelVersions.compare(version, latest) < 0;
                default -> version == null;
            };
            if (match) {
                out.add(node.uniqueId());
            }
        }
        return out;
    }
}

package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.Event;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.GroupDefinition;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * dbt's checks of a linked manifest: groups named in configs exist, access values are valid, private models are
 * referenced only from their own group, and deprecated models (and refs to models with a deprecation date) are
 * warned about.
 */
final class ModelAccess {
    private static final Set<String> ACCESS = Set.of("private", "protected", "public");

    private ModelAccess() {
    }

    static void check(Manifest manifest, EventSink events) {
        Set<String> groupNames = manifest.groups().values().stream().map(GroupDefinition::name).collect(Collectors.toCollection(TreeSet::new));
        boolean anyPrivate = false;
        boolean anyDated = false;
        for (Node node : manifest.nodes().values()) {
            String group = node.group();
            if (group != null && !groupNames.contains(group)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Invalid group '" + group + "', expected one of "
                        + groupNames.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", ", "[", "]"))
                        + " (" + node.uniqueId() + "; define the group under 'groups:' in a properties file)", node.originalFilePath(), 0);
            }
            if (node.resourceType() != ResourceType.MODEL) {
                continue;
            }
            if (!ACCESS.contains(node.access())) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Node " + node.uniqueId() + " has an invalid value ("
                        + node.access() + ") for the access field; use private, protected or public", node.originalFilePath(), 0);
            }
            if (node.access().equals("public") && node.isEphemeral()) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "Node " + node.uniqueId()
                        + " with 'ephemeral' materialization has an invalid value (public) for the access field", node.originalFilePath(), 0);
            }
            anyPrivate |= node.access().equals("private");
            anyDated |= node.versionInfo().deprecationDate() != null;
        }
        // resolving every ref again is a tenth of a large project's parse: only when some model is private or dated
        if (anyPrivate) {
            checkPrivateRefs(manifest);
        }
        if (anyDated) {
            warnDeprecations(manifest, events);
        }
    }

    private static void checkPrivateRefs(Manifest manifest) {
        for (Node node : manifest.nodes().values()) {
            for (RefCall ref : node.refs()) {
                Node target = manifest.resolveRef(ref, node.packageName());
                if (target == null || target.resourceType() != ResourceType.MODEL) {
                    continue;
                }
                if (target.access().equals("private") && node.resourceType() != ResourceType.OPERATION) {
                    String group = groupOf(node, manifest);
                    if (group == null || !group.equals(target.group())) {
                        throw new SlipwayException(ErrorCode.REF_NOT_ALLOWED, "Node " + node.uniqueId() + " attempted to reference node "
                                + target.uniqueId() + ", which is not allowed because the referenced node is private to the '"
                                + target.group() + "' group.", node.originalFilePath(), 0);
                    }
                }
            }
        }
    }

    /** A node's group; a generic test belongs to the group of the node it tests, as in dbt. */
    private static String groupOf(Node node, Manifest manifest) {
        if (node.attachedNode() != null && manifest.node(node.attachedNode()) != null) {
            return manifest.node(node.attachedNode()).group();
        }
        return node.group();
    }

    /** dbt's DeprecatedModel, DeprecatedReference and UpcomingReferenceDeprecation warnings. */
    private static void warnDeprecations(Manifest manifest, EventSink events) {
        OffsetDateTime now = OffsetDateTime.now();
        for (Node node : manifest.nodes().values()) {
            if (node.resourceType() == ResourceType.MODEL && isPast(node, now)) {
                String version = node.version() == null ? "" : ".v" + node.version();
                warn(events, "Model " + node.name() + version + " has passed its deprecation date of "
                        + node.versionInfo().deprecationDate() + ". This model should be disabled or removed.");
            }
        }
        for (Node node : manifest.nodes().values()) {
            for (RefCall ref : node.refs()) {
                Node target = manifest.resolveRef(ref, node.packageName());
                if (target == null || target.resourceType() != ResourceType.MODEL || target.versionInfo().deprecationDate() == null) {
                    continue;
                }
                boolean past = isPast(target, now);
                String version = target.version();
                String message = "While compiling '" + node.name() + "': Found a reference to " + target.name()
                        + (version == null ? "" : ".v" + version) + ", which " + (past ? "was deprecated on '" : "is slated for deprecation on '")
                        + target.versionInfo().deprecationDate() + "'. ";
                String latest = target.versionInfo().latestText();
                if (version != null && !version.equals(latest)) {
                    message += "A new version of '" + target.name() + "' is available. " + (past ? "Migrate now: " : "Try it out: ")
                            + "{{ ref('" + target.packageName() + "', '" + target.name() + "', v='" + latest + "') }}.";
                }
                warn(events, message);
            }
        }
    }

    private static boolean isPast(Node node, OffsetDateTime now) {
        String date = node.versionInfo().deprecationDate();
        return date != null && OffsetDateTime.parse(date).isBefore(now);
    }

    private static void warn(EventSink events, String message) {
        events.emit(Event.of(EventCode.Z004_WARNING, Level.WARN, "[WARNING]: " + message, Map.of()));
    }

    /** The group definitions of every package, by unique id. */
    static Map<String, GroupDefinition> groups(List<GroupDefinition> definitions) {
        Map<String, GroupDefinition> out = new java.util.LinkedHashMap<>();
        for (GroupDefinition g : definitions) {
            out.put(g.uniqueId(), g);
        }
        return out;
    }
}

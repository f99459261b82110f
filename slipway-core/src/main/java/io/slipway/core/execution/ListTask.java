package io.slipway.core.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.event.EventCode;
import io.slipway.core.event.Level;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.state.NodeChanges;
import io.slipway.core.state.StateComparison;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ls}: prints the selected resources as selectors (default), names, paths or JSON. */
final class ListTask {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ListTask() {
    }

    /** @param comparison the comparison with {@code --state}, to say why nodes are modified in JSON output; null without one */
    static InvocationResult run(InvocationRequest request, ParseResult parsed, Set<String> ids, Set<ResourceType> types, Reporter reporter,
                                Path targetDir, StateComparison comparison) {
        Manifest manifest = parsed.manifest();
        String output = request.output() == null || request.output().equals("text") ? "selector" : request.output();
        // as dbt lists them: sorted by unique id
        for (String id : new java.util.TreeSet<>(ids)) {
            Node node = manifest.node(id);
            SourceDefinition source = manifest.sources().get(id);
            if (node != null && !types.contains(node.resourceType()) || source != null && !types.contains(ResourceType.SOURCE)) {
                continue;
            }
            String line = switch (output) {
                case "selector" -> node != null && node.resourceType() == ResourceType.UNIT_TEST ? "unit_test:" + node.packageName() + "." + node.name()
                        + (node.version() == null ? "" : "_v" + node.version())
                        : node != null && node.resourceType() == ResourceType.EXPOSURE ? "exposure:" + node.packageName() + "." + node.name()
                        : node != null ? String.join(".", node.fqn()) : "source:" + String.join(".", source.fqn().get(0), source.sourceName(), source.name());
                case "name" -> node != null ? node.name() : source.sourceName() + "." + source.name();
                case "path" -> node != null ? node.originalFilePath() : source.originalFilePath();
                case "json" -> json(node, source, request.outputKeys(), comparison);
                default -> throw new SlipwayException(ErrorCode.USAGE, "unknown --output '" + output + "' for ls: use selector, name, path or json");
            };
            reporter.emit(EventCode.Q042_LIST_ITEM, Level.INFO, line, Map.of("unique_id", id));
        }
        return new InvocationResult(0, List.of(), targetDir, null);
    }

    private static String json(Node node, SourceDefinition source, List<String> keys, StateComparison comparison) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (node != null) {
            m.put("name", node.name());
            m.put("resource_type", node.resourceType().dbtName());
            m.put("package_name", node.packageName());
            m.put("original_file_path", node.originalFilePath());
            m.put("unique_id", node.uniqueId());
            m.put("alias", node.alias());
            m.put("config", node.config().values());
            m.put("tags", node.tags());
            Map<String, Object> depends = new LinkedHashMap<>();
            depends.put("macros", node.dependsOn().macros());
            depends.put("nodes", node.dependsOn().nodes());
            m.put("depends_on", depends);
        } else {
            m.put("name", source.name());
            m.put("resource_type", "source");
            m.put("package_name", source.packageName());
            m.put("original_file_path", source.originalFilePath());
            m.put("unique_id", source.uniqueId());
            m.put("source_name", source.sourceName());
            m.put("config", source.config());
            m.put("tags", source.tags());
        }
        if (comparison != null) {
            // beyond dbt: why state:modified holds for the node
            NodeChanges changes = node != null ? comparison.changes(node) : comparison.changes(source);
            if (changes.modified()) {
                m.put("modified", changes.toJson());
            }
        }
        if (!keys.isEmpty()) {
            m.keySet().retainAll(keys);
        }
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "could not print " + m.get("unique_id") + " as JSON: " + e.getMessage());
        }
    }
}

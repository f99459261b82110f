package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.ExposureSpec;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.VersionInfo;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.project.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds exposures ({@code exposure.<package>.<name>}) from {@code exposures:} entries: downstream uses that
 * depend on models, seeds, snapshots and sources, so that {@code +exposure:name} selects what feeds them. They
 * are nodes of the graph that never run; their {@code depends_on} refs and sources are resolved as a model's.
 */
final class ExposureFactory {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern METRIC = Pattern.compile("\\s*metric\\s*\\(.*\\)\\s*");
    private static final List<String> TYPES = List.of("dashboard", "notebook", "analysis", "ml", "application");
    private static final List<String> MATURITIES = List.of("low", "medium", "high");

    private final NodeFactory nodes;

    ExposureFactory(NodeFactory nodes) {
        this.nodes = nodes;
    }

    NodeFactory.Parsed build(Properties.ExposureDecl decl, ProjectConfig pkg) {
        Map<String, Object> e = decl.entry();
        String name = decl.name();
        String file = decl.file().originalFilePath();
        if (!NAME.matcher(name).matches()) {
            throw invalid("exposure '" + name + "' in " + file + " has a name with characters other than letters, numbers and underscores;"
                    + " put the human-friendly name in 'label:'", file);
        }
        String type = Yaml.asString(e.get("type"));
        if (type == null || !TYPES.contains(type)) {
            throw invalid("exposure '" + name + "' in " + file + " has type '" + type + "'; use one of " + TYPES, file);
        }
        String maturity = Yaml.asString(e.get("maturity"));
        if (maturity != null && !MATURITIES.contains(maturity)) {
            throw invalid("exposure '" + name + "' in " + file + " has maturity '" + maturity + "'; use one of " + MATURITIES, file);
        }
        if (!(e.get("owner") instanceof Map<?, ?> ownerMap) || (ownerMap.get("name") == null && ownerMap.get("email") == null)) {
            throw invalid("exposure '" + name + "' in " + file + " has no 'owner:' with a name or an email", file);
        }
        Map<String, Object> owner = Yaml.asMap(e.get("owner"), "'owner:' of exposure '" + name + "'", file);

        List<RefCall> refs = new ArrayList<>();
        List<List<String>> sources = new ArrayList<>();
        for (Object item : Yaml.asList(e.get("depends_on"))) {
            String dependency = String.valueOf(item);
            java.util.Optional<RefCall> ref = io.slipway.core.manifest.RelationCalls.ref(dependency);
            java.util.Optional<List<String>> source = io.slipway.core.manifest.RelationCalls.source(dependency);
            if (ref.isPresent()) {
                refs.add(ref.get());
            } else if (source.isPresent()) {
                sources.add(source.get());
            } else if (!METRIC.matcher(dependency).matches()) {
                throw invalid("exposure '" + name + "' in " + file + " depends on '" + dependency + "'; write ref('model'), source('name', 'table')"
                        + " or metric('name')", file);
            }
            // metric(...): Slipway has no semantic layer yet; the dependency is left out
        }

        List<String> fqn = new ArrayList<>();
        fqn.add(pkg.name());
        fqn.addAll(decl.file().folders());
        fqn.add(name);
        Map<String, Object> unrendered = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        config.put("tags", new ArrayList<>());
        config.put("meta", new LinkedHashMap<>());
        ConfigMerger.mergeInto(config, ConfigMerger.copy(ConfigMerger.fromProjectTree(pkg.configTree("exposures"), fqn)));
        unrendered.putAll(ConfigMerger.fromProjectTree(pkg.unrenderedConfigTree("exposures"), fqn));
        // tags and meta at the top level (before dbt 1.10) or under config:
        Map<String, Object> own = new LinkedHashMap<>();
        if (e.get("tags") != null) {
            own.put("tags", e.get("tags"));
        }
        if (e.get("meta") != null) {
            own.put("meta", e.get("meta"));
        }
        if (e.get("enabled") != null) {
            own.put("enabled", e.get("enabled"));
        }
        if (e.get("config") != null) {
            own.putAll(Yaml.asMap(e.get("config"), "'config:' of exposure '" + name + "'", file));
        }
        ConfigMerger.mergeInto(config, ConfigMerger.copy(own));
        unrendered.putAll(own);
        config.put("tags", new ArrayList<>(new java.util.TreeSet<>(NodeConfig.tags(config.get("tags")))));

        ExposureSpec spec = new ExposureSpec(type, owner, Yaml.asString(e.get("label")), maturity, Yaml.asString(e.get("url")));
        Node node = new Node("exposure." + pkg.name() + "." + name, ResourceType.EXPOSURE, pkg.name(), name, decl.file().resourcePath(), file,
                null, fqn, FileChecksum.none(), new NodeConfig(config), unrendered, Map.of(), nodes.defaultDatabase(), nodes.defaultSchema(), name,
                null, Yaml.asString(e.get("description")), Map.of(), spec.fingerprint(), null, refs, sources, new DependsOn(List.of(), List.of()),
                null, null, null, VersionInfo.NONE, null, spec);
        return new NodeFactory.Parsed(node, NodeConfig.truthy(config.get("enabled"), true), List.of());
    }

    private static SlipwayException invalid(String message, String file) {
        return new SlipwayException(ErrorCode.PROPERTIES_INVALID, message, file, 0);
    }
}

package io.slipway.core.parser;

import io.slipway.core.manifest.DocBlock;
import io.slipway.core.manifest.GroupDefinition;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.SourceDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parse produced, minus the macros (they hold parsed templates, and parsing them again is cheap):
 * the part of a {@link ParseResult} worth keeping between runs. Only the macros' descriptions, which
 * come from properties files, are kept.
 */
public record ParseSnapshot(
        Map<String, Node> nodes,
        Map<String, SourceDefinition> sources,
        Map<String, DocBlock> docs,
        Map<String, GroupDefinition> groups,
        List<Node> disabled,
        Map<String, String> macroDescriptions) {

    public ParseSnapshot {
        nodes = new LinkedHashMap<>(nodes);
        sources = new LinkedHashMap<>(sources);
        docs = new LinkedHashMap<>(docs);
        groups = new LinkedHashMap<>(groups);
        disabled = new ArrayList<>(disabled);
        macroDescriptions = new LinkedHashMap<>(macroDescriptions);
    }

    public static ParseSnapshot of(ParseResult parsed) {
        Manifest manifest = parsed.manifest();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (MacroNode macro : manifest.macros().values()) {
            if (!macro.description().isEmpty()) {
                descriptions.put(macro.uniqueId(), macro.description());
            }
        }
        return new ParseSnapshot(manifest.nodes(), manifest.sources(), manifest.docs(), manifest.groups(), parsed.disabled(), descriptions);
    }
}

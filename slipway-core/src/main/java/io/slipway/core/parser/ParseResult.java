package io.slipway.core.parser;

import io.slipway.core.manifest.Manifest;
import io.slipway.core.manifest.Node;

import java.util.List;

/** A parsed project: the manifest, and the nodes that are disabled (kept for error messages and artifacts). */
public record ParseResult(Manifest manifest, List<Node> disabled) {
    public ParseResult {
        disabled = List.copyOf(disabled);
    }
}

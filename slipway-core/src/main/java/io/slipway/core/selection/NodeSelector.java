package io.slipway.core.selection;

import io.slipway.core.manifest.Manifest;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Selects nodes and sources of a manifest. (First version: everything; the full grammar is being built.)
 */
public final class NodeSelector {
    private final Manifest manifest;

    public NodeSelector(Manifest manifest) {
        this.manifest = manifest;
    }

    /** Unique ids of the selected nodes and sources, in manifest order. */
    public Set<String> select(SelectionSpec spec) {
        Set<String> out = new LinkedHashSet<>(manifest.nodes().keySet());
        out.addAll(manifest.sources().keySet());
        return out;
    }
}

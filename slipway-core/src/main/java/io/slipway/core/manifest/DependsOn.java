package io.slipway.core.manifest;

import java.util.List;

/** What a node depends on: macros (unique ids) and nodes or sources (unique ids), in first-use order. */
public record DependsOn(List<String> macros, List<String> nodes) {
    public static final DependsOn NONE = new DependsOn(List.of(), List.of());

    public DependsOn {
        macros = List.copyOf(macros);
        nodes = List.copyOf(nodes);
    }
}

package io.slipway.core.state;

import java.util.List;
import java.util.Objects;

/** A macro of a previous manifest: its text and the macros it calls, which is all {@code state:modified.macros} reads. */
public record StateMacro(String uniqueId, String name, String packageName, String macroSql, List<String> dependsOn) {
    public StateMacro {
        Objects.requireNonNull(uniqueId, "uniqueId is null");
        macroSql = macroSql == null ? "" : macroSql;
        dependsOn = List.copyOf(dependsOn);
    }
}

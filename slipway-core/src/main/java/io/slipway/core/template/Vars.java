package io.slipway.core.template;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.project.Frozen;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dbt's variable scopes: {@code --vars} from the command line win, then the project's {@code vars:}
 * block scoped to the calling package ({@code vars: {pkg: {x: 1}}}), then its global entries.
 */
public final class Vars {
    private final Map<String, Object> cli;
    private final Map<String, Object> projectVars;
    private final java.util.Set<String> packageNames;

    /** @param packageNames the project's and installed packages' names: keys of {@code vars:} that scope values to a package */
    public Vars(Map<String, Object> cli, Map<String, Object> projectVars, java.util.Set<String> packageNames) {
        this.cli = Frozen.map(cli);
        this.projectVars = Frozen.map(projectVars);
        this.packageNames = java.util.Set.copyOf(packageNames);
    }

    public static Vars cliOnly(Map<String, Object> cli) {
        return new Vars(cli, Map.of(), java.util.Set.of());
    }

    /** The variables visible to a node of {@code packageName}, in priority order already merged. */
    public Map<String, Object> visibleTo(String packageName) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : projectVars.entrySet()) {
            if (!(e.getValue() instanceof Map) || !isPackageScope(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        Object scoped = projectVars.get(packageName);
        if (scoped instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        out.putAll(cli);
        return out;
    }

    private boolean isPackageScope(String key) {
        return packageNames.contains(key);
    }

    /** {@code var(name, default)}; a missing var without a default is an error naming the node. */
    public Object get(String packageName, String name, boolean hasDefault, Object defaultValue, String nodeName) {
        Map<String, Object> visible = visibleTo(packageName);
        if (visible.containsKey(name)) {
            return Frozen.thaw(visible.get(name));
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new SlipwayException(ErrorCode.VAR_MISSING,
                "Required var '" + name + "' not found in config:\nVars supplied to " + nodeName + " = " + visible.keySet()
                        + "\nDefine it under 'vars:' in dbt_project.yml, pass --vars '{" + name + ": ...}', or give var() a default.");
    }

    public Map<String, Object> cli() {
        return cli;
    }
}

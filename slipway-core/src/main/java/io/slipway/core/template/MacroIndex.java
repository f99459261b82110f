package io.slipway.core.template;

import io.slipway.core.manifest.MacroNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every macro by package and name, with dbt's resolution order for an unqualified name called from a
 * node of package P: P's own macros, then the root project's, then other installed packages', then the
 * adapter's internal package, then Slipway's global ({@code dbt}) package. Immutable.
 */
public final class MacroIndex {
    /** The package name of Slipway's global macros, as dbt names its global project. */
    public static final String GLOBAL_PACKAGE = "dbt";

    private final String rootProject;
    private final List<String> internalPackages;
    private final Map<String, Map<String, MacroNode>> byPackage;
    /** Name to macro for callers outside any package's own macros: root > packages > internal. */
    private final Map<String, MacroNode> global;

    /**
     * @param internalPackages the adapter's package then {@code dbt}, in search order
     */
    public MacroIndex(String rootProject, List<String> internalPackages, Collection<MacroNode> macros) {
        this.rootProject = rootProject;
        this.internalPackages = List.copyOf(internalPackages);
        Map<String, Map<String, MacroNode>> packages = new LinkedHashMap<>();
        for (MacroNode macro : macros) {
            packages.computeIfAbsent(macro.packageName(), k -> new HashMap<>()).put(macro.name(), macro);
        }
        this.byPackage = packages;
        Map<String, MacroNode> merged = new HashMap<>();
        // lowest priority first, so later puts win
        for (int i = this.internalPackages.size() - 1; i >= 0; i--) {
            merged.putAll(packages.getOrDefault(this.internalPackages.get(i), Map.of()));
        }
        for (Map.Entry<String, Map<String, MacroNode>> e : packages.entrySet()) {
            if (!this.internalPackages.contains(e.getKey()) && !e.getKey().equals(rootProject)) {
                merged.putAll(e.getValue());
            }
        }
        merged.putAll(packages.getOrDefault(rootProject, Map.of()));
        this.global = merged;
    }

    public String rootProject() {
        return rootProject;
    }

    public List<String> internalPackages() {
        return internalPackages;
    }

    /** The macro an unqualified call to {@code name} from package {@code callerPackage} reaches, or null. */
    public MacroNode resolve(String name, String callerPackage) {
        if (callerPackage != null && !callerPackage.equals(rootProject) && !internalPackages.contains(callerPackage)) {
            MacroNode local = byPackage.getOrDefault(callerPackage, Map.of()).get(name);
            if (local != null) {
                return local;
            }
        }
        return global.get(name);
    }

    /** The macro {@code name} of one package; {@code dbt} means the internal packages (adapter first). */
    public MacroNode inPackage(String packageName, String name) {
        if (GLOBAL_PACKAGE.equals(packageName)) {
            for (String internal : internalPackages) {
                MacroNode m = byPackage.getOrDefault(internal, Map.of()).get(name);
                if (m != null) {
                    return m;
                }
            }
            return null;
        }
        return byPackage.getOrDefault(packageName, Map.of()).get(name);
    }

    /** Whether {@code name} is a package that templates may use as a namespace ({@code dbt_utils.star}). */
    public boolean isPackage(String name) {
        return byPackage.containsKey(name) || GLOBAL_PACKAGE.equals(name);
    }

    public boolean isInternal(String packageName) {
        return internalPackages.contains(packageName);
    }

    /** Package names, root project first. */
    public List<String> packages() {
        List<String> out = new ArrayList<>();
        out.add(rootProject);
        for (String p : byPackage.keySet()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The materialization macro for a materialization and adapter, as dbt finds it: adapter-specific first, then default; the project's own before packages' and internal ones. */
    public MacroNode materialization(String materialization, List<String> adapterTypes) {
        List<String> prefixes = new ArrayList<>(adapterTypes);
        prefixes.add("default");
        for (String prefix : prefixes) {
            String name = "materialization_" + materialization + "_" + prefix;
            MacroNode m = byPackage.getOrDefault(rootProject, Map.of()).get(name);
            if (m != null) {
                return m;
            }
            for (Map.Entry<String, Map<String, MacroNode>> e : byPackage.entrySet()) {
                if (!internalPackages.contains(e.getKey()) && (m = e.getValue().get(name)) != null) {
                    return m;
                }
            }
            for (String internal : internalPackages) {
                m = byPackage.getOrDefault(internal, Map.of()).get(name);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }
}

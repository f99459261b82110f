package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.template.DbtJinja;
import io.slipway.core.template.MacroIndex;
import io.slipway.jinja.MacroDefinition;
import io.slipway.jinja.Template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses macro files (and generic test definitions) into macro nodes, and finds which macros each macro calls. */
public final class MacroParser {
    private static final List<String> MACRO_TAGS = List.of("macro", "materialization", "test", "docs", "snapshot");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])(?:([A-Za-z_]\\w*)\\.)?([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern DISPATCH = Pattern.compile("adapter\\.dispatch\\(\\s*['\"](\\w+)['\"]\\s*(?:,\\s*(?:macro_namespace\\s*=\\s*)?['\"](\\w+)['\"])?");

    private final DbtJinja jinja;

    public MacroParser(DbtJinja jinja) {
        this.jinja = jinja;
    }

    /** The macros a file defines. */
    public List<MacroNode> parse(SourceFile file) {
        Template template = jinja.parse(file.contents(), file.originalFilePath());
        List<BlockScanner.Block> blocks = BlockScanner.scan(file.contents(), MACRO_TAGS);
        Map<Integer, String> textByLine = new HashMap<>();
        for (BlockScanner.Block block : blocks) {
            textByLine.putIfAbsent(block.line(), block.text());
        }
        List<MacroNode> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (MacroDefinition definition : template.macros()) {
            if (!seen.add(definition.name())) {
                throw new SlipwayException(ErrorCode.DUPLICATE_RESOURCE,
                        "macro '" + definition.name() + "' is defined twice in " + file.originalFilePath(), file.originalFilePath(), definition.line());
            }
            String sql = textByLine.getOrDefault(definition.line(), "");
            out.add(new MacroNode("macro." + file.packageName() + "." + definition.name(), definition.name(), file.packageName(),
                    file.originalFilePath(), file.originalFilePath(), sql, List.of(), "", definition));
        }
        return out;
    }

    /**
     * Each macro's {@code depends_on.macros}: the macros its text calls (by name, in its package's
     * resolution order) and those reached through {@code adapter.dispatch('name', 'namespace')}.
     */
    public static Map<String, MacroNode> linkDependencies(Map<String, MacroNode> macros, MacroIndex index, List<String> adapterTypes) {
        Map<String, MacroNode> out = new LinkedHashMap<>();
        for (MacroNode macro : macros.values()) {
            Set<String> deps = new LinkedHashSet<>();
            Matcher m = CALL.matcher(macro.macroSql());
            while (m.find()) {
                String pkg = m.group(1);
                String name = m.group(2);
                MacroNode target = pkg == null ? index.resolve(name, macro.packageName())
                        : index.isPackage(pkg) ? index.inPackage(pkg, name) : null;
                if (target != null && target != macro) {
                    deps.add(target.uniqueId());
                }
            }
            Matcher d = DISPATCH.matcher(macro.macroSql());
            while (d.find()) {
                String name = d.group(1);
                String ns = d.group(2);
                List<String> prefixes = new ArrayList<>(adapterTypes);
                prefixes.add("default");
                for (String prefix : prefixes) {
                    MacroNode target = ns == null ? index.resolve(prefix + "__" + name, macro.packageName())
                            : index.inPackage(ns, prefix + "__" + name);
                    if (target != null && target != macro) {
                        deps.add(target.uniqueId());
                        break;
                    }
                }
            }
            out.put(macro.uniqueId(), macro.withDependsOn(new ArrayList<>(deps)));
        }
        return out;
    }
}

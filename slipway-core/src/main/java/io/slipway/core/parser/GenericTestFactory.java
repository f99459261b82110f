package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.MacroNode;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.TestMetadata;
import io.slipway.core.parser.Properties.TestDecl;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.template.ContextLocals;
import io.slipway.core.template.NodeGlobals;
import io.slipway.core.template.NodeSession;
import io.slipway.core.template.ParseCapture;
import io.slipway.core.template.RelationValue;
import io.slipway.core.template.Renderer;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds generic test nodes from properties files as dbt does: the test name and arguments, the config
 * arguments split out, the synthesized name ({@code unique_orders_order_id}, hashed when 64 characters
 * or more), the unique id with dbt's hash, and the raw code that calls {@code test_<name>}.
 */
final class GenericTestFactory {
    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^0-9a-zA-Z_]+");

    private static final Pattern TEST_NAME = Pattern.compile("(?:([a-zA-Z_][0-9a-zA-Z_]*)\\.)?([a-zA-Z_][0-9a-zA-Z_]*)");

    private static final List<String> CONFIG_ARGS = List.of("severity", "tags", "enabled", "where", "limit", "warn_if", "error_if",
            "fail_calc", "store_failures", "store_failures_as", "meta", "database", "schema", "alias");

    private final ParseEnvironment env;
    private final NodeFactory nodes;

    GenericTestFactory(ParseEnvironment env, NodeFactory nodes) {
        this.env = env;
        this.nodes = nodes;
    }

    /**
     * What a test is attached to.
     *
     * @param name        the name used in test names ({@code orders}, or {@code raw_orders} for source raw.orders)
     * @param modelString the {@code model} argument ({@code {{ get_where_subquery(ref('orders')) }}})
     * @param ref         the ref the test depends on, or null for a source
     * @param source      the source [source, table] the test depends on, or null
     * @param attachedNode the unique id of the tested node, or null for sources
     * @param ymlPath     the properties file
     */
    record Target(String name, String modelString, RefCall ref, List<String> source, String attachedNode, String ymlPath, boolean isSource) {
    }

    NodeFactory.Parsed build(TestDecl decl, Target target, ProjectConfig pkg) {
        String file = target.ymlPath();
        Object definition = decl.definition() instanceof String s ? Map.of(s, new LinkedHashMap<>()) : decl.definition();
        if (!(definition instanceof Map<?, ?> defMap)) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID,
                    "a test of '" + target.name() + "' in " + file + " must be a name or a mapping, got " + Py.repr(decl.definition()), file, 0);
        }
        String testName;
        Map<String, Object> args;
        if (defMap.containsKey("test_name")) {
            testName = String.valueOf(defMap.get("test_name"));
            args = new LinkedHashMap<>();
            defMap.forEach((k, v) -> {
                if (!"test_name".equals(k)) {
                    args.put(String.valueOf(k), v);
                }
            });
        } else {
            if (defMap.size() != 1) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID,
                        "a test of '" + target.name() + "' in " + file + " must have exactly one key (the test name), got " + defMap.keySet(), file, 0);
            }
            Map.Entry<?, ?> only = defMap.entrySet().iterator().next();
            testName = String.valueOf(only.getKey());
            Object a = only.getValue();
            if (a != null && !(a instanceof Map)) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID,
                        "the arguments of test '" + testName + "' on '" + target.name() + "' in " + file + " must be a mapping", file, 0);
            }
            args = new LinkedHashMap<>();
            if (a != null) {
                ((Map<?, ?>) a).forEach((k, v) -> args.put(String.valueOf(k), v));
            }
        }
        if (args.get("arguments") instanceof Map<?, ?>) {
            Object moved = args.remove("arguments");
            ((Map<?, ?>) moved).forEach((k, v) -> args.put(String.valueOf(k), v));
        }
        if (decl.columnName() != null) {
            args.put("column_name", decl.columnName());
        }
        if (args.containsKey("model")) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "test arguments may not include 'model' (" + testName + " in " + file + ")", file, 0);
        }
        Matcher m = TEST_NAME.matcher(testName);
        if (!m.matches()) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "'" + testName + "' is not a valid test name (in " + file + ")", file, 0);
        }
        String namespace = m.group(1);
        String shortTest = m.group(2);

        Map<String, Object> config = new LinkedHashMap<>();
        Map<String, Object> nestedConfig = args.get("config") instanceof Map<?, ?> c ? new LinkedHashMap<>(castMap(c)) : new LinkedHashMap<>();
        for (String key : CONFIG_ARGS) {
            Object value = args.remove(key);
            if (value == null) {
                value = nestedConfig.remove(key);
            }
            if (value != null) {
                config.put(key, value);
            }
        }
        if (args.containsKey("config")) {
            args.remove("config");
            nestedConfig.forEach((k, v) -> {
                if (v != null) {
                    config.put(k, v);
                }
            });
        }
        args.put("model", target.modelString());

        String userName = args.containsKey("name") ? String.valueOf(args.remove("name")) : null;
        String compiledName;
        String fqnName;
        if (userName != null) {
            compiledName = userName;
            fqnName = userName;
        } else {
            String prefix = (target.isSource() ? "source_" : "") + (namespace == null ? "" : namespace + "_") + shortTest;
            String[] names = synthesize(prefix, target.name(), args);
            compiledName = names[0];
            fqnName = names[1];
            if (!compiledName.equals(fqnName) && !config.containsKey("alias")) {
                config.put("alias", compiledName);
            }
        }
        if (config.get("severity") instanceof String s) {
            config.put("severity", s.toUpperCase(java.util.Locale.ROOT));
        }

        String uniqueId = "test." + pkg.name() + "." + fqnName + "." + idHash(fqnName, namespace, shortTest, args);

        List<String> fqn = NodeFactory.propertiesFqn(pkg.name(), file, fqnName);

        Map<String, Object> unrendered = new LinkedHashMap<>();
        Map<String, Object> merged = nodes.configFor(ResourceType.TEST, pkg, fqn, null, unrendered);
        ConfigMerger.mergeInto(merged, config);
        unrendered.putAll(config);
        List<String> tags = new ArrayList<>(new java.util.TreeSet<>(concat(decl.tags(), NodeConfig.tags(merged.get("tags")))));
        merged.put("tags", tags);

        // refs and sources: the tested node, and any ref()/source() in the arguments
        ParseCapture capture = new ParseCapture(RelationValue.of(null, null, fqnName, null));
        if (target.ref() != null) {
            capture.ref(null, target.ref());
        } else {
            capture.source(null, target.source().get(0), target.source().get(1));
        }
        captureArgumentRefs(args, capture, pkg.name(), file);

        String macroName = "test_" + shortTest;
        MacroNode macro = namespace == null ? env.context().macros().resolve(macroName, pkg.name())
                : env.context().macros().inPackage(namespace, macroName);
        if (macro == null) {
            throw new SlipwayException(ErrorCode.COMPILATION_ERROR,
                    "test '" + testName + "' on '" + target.name() + "' (" + file + ") has no definition: no macro named '"
                            + (namespace == null ? "" : namespace + ".") + macroName + "'. Define it with {% test " + shortTest
                            + "(model, ...) %} in tests/generic/ or macros/, or install the package that provides it.", file, 0);
        }
        String rawCode = "{{ " + (namespace == null ? "" : namespace + ".") + macroName + "(**_dbt_generic_test_kwargs) }}" + configCall(config);
        Map<String, Object> normalized = new LinkedHashMap<>(merged);
        ConfigMerger.normalizeHooks(normalized);
        NodeConfig nodeConfig = new NodeConfig(normalized);
        Node draft = new Node(uniqueId, ResourceType.TEST, pkg.name(), fqnName, compiledName + ".sql", file, null, fqn,
                FileChecksum.none(), nodeConfig, unrendered, config, null, null, fqnName, null, "", Map.of(),
                rawCode, "sql", capture.refs(), capture.sources(), new DependsOn(List.of(macro.uniqueId()), List.of()),
                new TestMetadata(shortTest, args, namespace), decl.columnName(), target.attachedNode());
        boolean enabled = nodeConfig.enabled();
        return new NodeFactory.Parsed(enabled ? nodes.withNames(draft, pkg) : draft, enabled, List.of());
    }

    private void captureArgumentRefs(Map<String, Object> args, ParseCapture capture, String packageName, String file) {
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (e.getKey().equals("model") || e.getKey().equals("column_name") || !(e.getValue() instanceof String s)) {
                continue;
            }
            if (!TestArguments.looksLikeFunction(s)) {
                continue;
            }
            // the usual argument, to: ref('customers'), read without rendering
            java.util.Optional<StaticParser.Result> literal = StaticParser.parse("{{ " + s + " }}");
            if (literal.isPresent()) {
                literal.get().refs().forEach(ref -> capture.ref(null, ref));
                literal.get().sources().forEach(src -> capture.source(null, src.get(0), src.get(1)));
                continue;
            }
            NodeSession session = new NodeSession(env.adapter(), null, false);
            NodeGlobals globals = new NodeGlobals(env.context(), packageName, file,
                    ContextLocals.parse(env.context(), session, capture, new LinkedHashMap<>(), RelationValue.of(null, null, "test", null)));
            Renderer.render(env.context().jinja().parse("{{ " + s + " }}", file), globals, file);
        }
    }

    /** dbt's synthesized test names: the full name, and a short one (hashed) when the full one is 64 characters or more. */
    static String[] synthesize(String testType, String targetName, Map<String, Object> args) {
        List<String> flat = new ArrayList<>();
        for (String key : new TreeMap<>(args).keySet()) {
            if (key.equals("model")) {
                continue;
            }
            Object value = args.get(key);
            List<Object> parts = value instanceof Map<?, ?> map ? new ArrayList<>(map.values())
                    : value instanceof List<?> list ? new ArrayList<>(list) : java.util.Collections.singletonList(value);
            for (Object part : parts) {
                flat.add(NOT_IDENTIFIER.matcher(Py.str(part)).replaceAll("_"));
            }
        }
        String identifier = testType + "_" + targetName;
        String full = identifier + "_" + String.join("__", flat);
        if (full.length() >= 64) {
            String shortName = identifier.substring(0, Math.min(30, identifier.length())) + "_" + FileChecksum.md5Hex(full);
            return new String[] {shortName, full};
        }
        return new String[] {full, full};
    }

    /** The last part of a generic test's unique id: dbt's md5 of the name and its metadata, last 10 hex digits. */
    static String idHash(String fqnName, String namespace, String testName, Map<String, Object> kwargs) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("namespace", namespace);
        metadata.put("name", testName);
        metadata.put("kwargs", kwargs);
        String hash = FileChecksum.md5Hex(fqnName + Py.repr(hashable(metadata)));
        return hash.substring(hash.length() - 10);
    }

    /** dbt's hashable form of test metadata: dicts with sorted keys, lists kept, everything else as str(). */
    private static Object hashable(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), hashable(v)));
            return new LinkedHashMap<>(out);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(hashable(o));
            }
            return out;
        }
        return Py.str(value);
    }

    private static String configCall(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        config.forEach((k, v) -> parts.add(k + "=" + (v instanceof String s ? "\"" + s.replace("\"", "\\\"") + "\"" : Py.str(v))));
        return "{{ config(" + String.join(",", parts) + ") }}";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return new ArrayList<>(out);
    }
}

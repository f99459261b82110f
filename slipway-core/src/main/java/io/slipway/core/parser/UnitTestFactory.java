package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.UnitTestSpec;
import io.slipway.core.manifest.UnitTestSpec.Fixture;
import io.slipway.core.manifest.VersionInfo;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.seed.CsvReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds unit test nodes ({@code unit_test.<package>.<model>.<name>}) from {@code unit_tests:} entries, with
 * dbt's parse-time rules and messages (dbt-core {@code parser/unit_tests.py}): the tested model must exist in the
 * package, rows must match their format, CSV rows and fixture files are read into rows (an empty field is null),
 * a seed input without rows takes the seed file's rows, an incremental model needs an {@code is_incremental}
 * override (and a {@code this} input when it is true), and a versioned model gets one test per version.
 */
final class UnitTestFactory {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final NodeFactory nodes;

    UnitTestFactory(NodeFactory nodes) {
        this.nodes = nodes;
    }

    /** The unit tests an entry declares (one per tested version), enabled or not. */
    List<NodeFactory.Parsed> build(Properties.UnitTestDecl decl, ProjectConfig pkg, Map<String, Node> built, List<Node> disabled) {
        Map<String, Object> e = decl.entry();
        String name = decl.name();
        String file = decl.file();
        Object modelValue = e.get("model");
        if (!(modelValue instanceof String modelText) || modelText.isBlank()) {
            throw invalid("unit test '" + name + "' in " + file + " has no 'model:'; name the model it tests", file);
        }
        String[] modelParts = modelText.trim().split("\\s+");
        String modelName = modelParts[0];
        String modelVersion = modelParts.length == 2 ? modelParts[1] : null;

        List<Fixture> given = new ArrayList<>();
        Object givenValue = e.get("given");
        if (!(givenValue instanceof List<?> givenList)) {
            throw invalid("unit test '" + name + "' in " + file + " has no 'given:' list; give each input the model refs with its rows", file);
        }
        for (Object item : givenList) {
            if (!(item instanceof Map<?, ?> m) || !(m.get("input") instanceof String input)) {
                throw invalid("an entry of 'given:' of unit test '" + name + "' in " + file + " has no 'input:' (ref('...'), source('...', '...') or this)", file);
            }
            if (!input.trim().equals("this") && io.slipway.core.manifest.RelationCalls.ref(input).isEmpty()
                    && io.slipway.core.manifest.RelationCalls.source(input).isEmpty()) {
                throw invalid("Unit test given inputs must be either a 'ref', 'source' or 'this' call. Got: '" + input + "' in unit test '"
                        + name + "' (" + file + ")", file);
            }
            given.add(fixture(input, m, name, "input", pkg, built, file));
        }
        if (!(e.get("expect") instanceof Map<?, ?> expectMap)) {
            throw invalid("unit test '" + name + "' in " + file + " has no 'expect:'; give the rows the model should return", file);
        }
        Fixture expect = fixture(null, expectMap, name, "expected", pkg, built, file);
        Map<String, Object> overrides = e.get("overrides") == null ? Map.of()
                : io.slipway.core.project.Yaml.asMap(e.get("overrides"), "'overrides:' of unit test '" + name + "'", file);
        for (String key : overrides.keySet()) {
            if (!List.of("macros", "vars", "env_vars").contains(key)) {
                throw invalid("unit test '" + name + "' in " + file + " overrides '" + key + "'; overrides can be macros, vars and env_vars", file);
            }
        }
        Map<String, Object> versions = e.get("versions") == null ? null
                : io.slipway.core.project.Yaml.asMap(e.get("versions"), "'versions:' of unit test '" + name + "'", file);
        UnitTestSpec spec = new UnitTestSpec(modelText.trim(), given, expect, overrides, versions);

        List<Node> tested = testedModels(modelName, modelVersion, versions, pkg, built, name, file);
        if (tested.isEmpty()) {
            boolean modelDisabled = disabled.stream().anyMatch(d -> d.resourceType() == ResourceType.MODEL && d.name().equals(modelName)
                    && d.packageName().equals(pkg.name()));
            if (!modelDisabled) {
                throw new SlipwayException(ErrorCode.REF_NOT_FOUND, "Unable to find model '" + pkg.name() + "." + modelText.trim()
                        + "' for unit test '" + name + "' in " + file, file, 0);
            }
        }
        Map<String, Object> unrendered = new LinkedHashMap<>();
        Map<String, Object> config = config(pkg, fqn(pkg, file, modelName, name), e, name, file, unrendered);
        boolean enabled = NodeConfig.truthy(config.get("enabled"), true) && !tested.isEmpty();
        String checksum = FileChecksum.sha256Hex(json(spec.toJson()));
        List<NodeFactory.Parsed> out = new ArrayList<>();
        if (tested.isEmpty()) {
            config.put("enabled", false);
            out.add(new NodeFactory.Parsed(node(decl, pkg, "unit_test." + pkg.name() + "." + modelName + "." + name, name, modelName,
                    config, unrendered, checksum, spec, null), false, List.of()));
            return out;
        }
        for (Node model : tested) {
            checkIncremental(model, spec, name);
            String suffix = model.version() == null || modelVersion != null ? "" : "_v" + model.version();
            out.add(new NodeFactory.Parsed(node(decl, pkg, "unit_test." + pkg.name() + "." + modelName + "." + name + suffix, name, modelName,
                    config, unrendered, checksum, spec, model), enabled, List.of()));
        }
        return out;
    }

    private Node node(Properties.UnitTestDecl decl, ProjectConfig pkg, String uniqueId, String name, String modelName,
                      Map<String, Object> config, Map<String, Object> unrendered, String checksum, UnitTestSpec spec, Node model) {
        String file = decl.file();
        String path = file.contains("/") ? file.substring(file.indexOf('/') + 1) : file;
        return new Node(uniqueId, ResourceType.UNIT_TEST, pkg.name(), name, path, file, null, fqn(pkg, file, modelName, name),
                new FileChecksum("sha256", checksum), new NodeConfig(config), unrendered, Map.of(),
                model == null ? nodes.defaultDatabase() : model.database(), model == null ? nodes.defaultSchema() : model.schema(), name,
                null, io.slipway.core.project.Yaml.asString(decl.entry().get("description")), Map.of(), "", "sql", List.of(), List.of(),
                new DependsOn(List.of(), model == null ? List.of() : List.of(model.uniqueId())), null, null, null,
                model == null || model.version() == null ? VersionInfo.NONE : new VersionInfo(model.versionInfo().version(), null, null), spec);
    }

    /** dbt's unit test fqn: package, the properties file's folders under the model path, the model, the test. */
    private static List<String> fqn(ProjectConfig pkg, String file, String modelName, String name) {
        return NodeFactory.propertiesFqn(pkg.name(), file, modelName, name);
    }

    /** tags, meta and enabled: the project's {@code unit_tests:} tree, then the entry's {@code config:}. */
    private Map<String, Object> config(ProjectConfig pkg, List<String> fqn, Map<String, Object> e, String name, String file,
                                       Map<String, Object> unrendered) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tags", new ArrayList<>());
        config.put("meta", new LinkedHashMap<>());
        config.put("enabled", true);
        ConfigMerger.mergeInto(config, ConfigMerger.copy(ConfigMerger.fromProjectTree(pkg.configTree("unit_tests"), fqn)));
        unrendered.putAll(ConfigMerger.fromProjectTree(pkg.unrenderedConfigTree("unit_tests"), fqn));
        if (e.get("config") != null) {
            Map<String, Object> own = io.slipway.core.project.Yaml.asMap(e.get("config"), "'config:' of unit test '" + name + "'", file);
            ConfigMerger.mergeInto(config, ConfigMerger.copy(own));
            unrendered.putAll(own);
        }
        config.put("tags", new ArrayList<>(new java.util.TreeSet<>(NodeConfig.tags(config.get("tags")))));
        return config;
    }

    /** The model versions the test runs on: the model itself, or the versions {@code versions:} picks. */
    private static List<Node> testedModels(String modelName, String modelVersion, Map<String, Object> versions, ProjectConfig pkg,
                                           Map<String, Node> built, String name, String file) {
        Node plain = built.get("model." + pkg.name() + "." + modelName);
        if (plain != null) {
            if (versions != null && (versions.get("include") != null || versions.get("exclude") != null)) {
                throw invalid("Unit test '" + name + "' should not have a versions include or exclude when referencing non-versioned model '"
                        + modelName + "'", file);
            }
            return List.of(plain);
        }
        List<Node> all = new ArrayList<>();
        for (Node n : built.values()) {
            if (n.resourceType() == ResourceType.MODEL && n.packageName().equals(pkg.name()) && n.name().equals(modelName) && n.version() != null) {
                all.add(n);
            }
        }
        if (all.isEmpty()) {
            return all;
        }
        List<Node> picked = new ArrayList<>();
        List<String> include = versionList(versions, "include");
        List<String> exclude = versionList(versions, "exclude");
        for (Node n : all) {
            boolean keep = modelVersion != null ? n.version().equals(modelVersion)
                    : include != null ? include.contains(n.version()) : exclude == null || !exclude.contains(n.version());
            if (keep) {
                picked.add(n);
            }
        }
        if (picked.isEmpty()) {
            throw invalid("Unit test '" + name + "' referenced a version of '" + modelName + "' which was not found.", file);
        }
        return picked;
    }

    private static List<String> versionList(Map<String, Object> versions, String key) {
        if (versions == null || !(versions.get(key) instanceof List<?> l)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        l.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    /** dbt's rule: a model that calls is_incremental() is unit tested in one mode, chosen by an override. */
    private static void checkIncremental(Node model, UnitTestSpec spec, String name) {
        if (!model.dependsOn().macros().contains("macro.dbt.is_incremental")) {
            return;
        }
        Object override = spec.overrides("macros").get("is_incremental");
        if (!(override instanceof Boolean on)) {
            throw invalid("Boolean override for 'is_incremental' must be provided for unit test '" + name + "' in model '" + model.name() + "'",
                    model.originalFilePath());
        }
        if (on && spec.given().stream().noneMatch(f -> "this".equals(f.input().trim()))) {
            throw invalid("Unit test '" + name + "' for incremental model '" + model.name() + "' must have a 'this' input",
                    model.originalFilePath());
        }
    }

    /** A fixture with its rows in the form the manifest keeps: CSV and fixture files read, formats checked. */
    private Fixture fixture(String input, Map<?, ?> m, String testName, String kind, ProjectConfig pkg, Map<String, Node> built, String file) {
        String format = m.get("format") == null ? "dict" : m.get("format").toString();
        Object rows = m.get("rows");
        String fixture = m.get("fixture") == null ? null : m.get("fixture").toString();
        switch (format) {
            case "dict" -> {
                if (rows == null && fixture == null && input != null) {
                    rows = seedRows(input, pkg, built, file);
                }
                if (!(rows instanceof List<?> list)) {
                    throw invalid("Unit test " + testName + " has " + kind + " rows which do not match format dict", file);
                }
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object row : list) {
                    out.add(io.slipway.core.project.Yaml.asMap(row, "a row of unit test '" + testName + "'", file));
                }
                rows = promoteCompleteRow(out);
            }
            case "csv" -> {
                if (!(rows instanceof String) && fixture == null) {
                    throw invalid("Unit test " + testName + " has " + kind + " rows or fixtures which do not match format csv.  Expected string.", file);
                }
                String text = fixture != null ? fixtureFile(fixture, pkg, ".csv", file) : (String) rows;
                rows = promoteCompleteRow(csvRows(text, fixture != null ? fixture : file, true));
            }
            case "sql" -> {
                if (!(rows instanceof String) && fixture == null) {
                    throw invalid("Unit test " + testName + " has " + kind + " rows or fixtures which do not match format sql.  Expected string.", file);
                }
                if (fixture != null) {
                    rows = fixtureFile(fixture, pkg, ".sql", file);
                }
            }
            default -> throw invalid("unit test '" + testName + "' in " + file + " has format '" + format + "'; use dict, csv or sql", file);
        }
        return new Fixture(input, format, rows, fixture);
    }

    /** Rows of CSV text, by header; with {@code emptyIsNull} an empty field is null, as dbt reads CSV fixtures. */
    private static List<Map<String, Object>> csvRows(String text, String file, boolean emptyIsNull) {
        List<List<String>> records = CsvReader.read(text.strip() + "\n", ',', file);
        List<Map<String, Object>> out = new ArrayList<>();
        if (records.isEmpty()) {
            return out;
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = i < record.size() ? record.get(i) : null;
                row.put(header.get(i), emptyIsNull && "".equals(value) ? null : value);
            }
            out.add(row);
        }
        return out;
    }

    /** dbt moves the first row without nulls to the top, so warehouses that type a union by its first row see real values. */
    private static List<Map<String, Object>> promoteCompleteRow(List<Map<String, Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).containsValue(null)) {
                if (i > 0) {
                    Map<String, Object> first = rows.get(0);
                    rows.set(0, rows.get(i));
                    rows.set(i, first);
                }
                break;
            }
        }
        return rows;
    }

    /** A seed input given no rows takes the seed file's rows (as text, as dbt reads them). */
    private static List<Map<String, Object>> seedRows(String input, ProjectConfig pkg, Map<String, Node> built, String file) {
        java.util.Optional<io.slipway.core.manifest.RefCall> ref = io.slipway.core.manifest.RelationCalls.ref(input);
        String seedName = ref.map(io.slipway.core.manifest.RefCall::name).orElse(null);
        String packageName = ref.map(io.slipway.core.manifest.RefCall::packageName).orElse(null);
        packageName = packageName == null ? pkg.name() : packageName;
        Node seed = seedName == null ? null : built.get("seed." + packageName + "." + seedName);
        if (seed == null) {
            throw invalid(packageName.equals(pkg.name())
                    ? "Unable to find seed '" + packageName + "." + seedName + "' for unit tests in directories: " + pkg.seedPaths()
                    : "Unable to find seed '" + packageName + "." + seedName + "' for unit tests in '" + packageName + "' package", file);
        }
        Path seedFile = pkg.projectDir().resolve(seed.originalFilePath());
        try {
            return csvRows(Files.readString(seedFile, StandardCharsets.UTF_8), seed.originalFilePath(), false);
        } catch (IOException e) {
            throw invalid("could not read seed " + seed.originalFilePath() + " for unit tests: " + e.getMessage(), file);
        }
    }

    /** A fixture file: {@code <test path>/fixtures/**}{@code /<name><extension>}. */
    private static String fixtureFile(String name, ProjectConfig pkg, String extension, String file) {
        for (String testPath : pkg.testPaths()) {
            Path dir = pkg.projectDir().resolve(testPath).resolve("fixtures");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                Path found = walk.filter(p -> p.getFileName().toString().equals(name + extension)).sorted().findFirst().orElse(null);
                if (found != null) {
                    return Files.readString(found, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw invalid("could not read fixture '" + name + "': " + e.getMessage(), file);
            }
        }
        throw invalid("File not found for fixture '" + name + "' in unit tests in " + file, file);
    }

    /** The definition as JSON text: what the checksum (state:modified) covers. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SlipwayException invalid(String message, String file) {
        return new SlipwayException(ErrorCode.PROPERTIES_INVALID, message, file, 0);
    }
}

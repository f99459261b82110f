package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.parser.Suggestions;
import io.slipway.core.project.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The selectors of {@code selectors.yml} ({@code selectors: [{name, description, default, definition}]}), parsed
 * and validated as dbt does ({@code cli.py:parse_from_definition}). A definition is a selector string
 * ({@code "+tag:nightly"}; no set operators), a one-key mapping ({@code {tag: nightly}}), a full mapping
 * ({@code {method, value, parents, parents_depth, children, children_depth, childrens_parents,
 * indirect_selection, exclude}}), or a {@code union:} / {@code intersection:} list that may hold one
 * {@code exclude:} item; {@code {method: selector, value: other}} reuses a selector defined above it.
 *
 * <p>Jinja in the file ({@code default: "{{ target.name == 'dev' }}"}) must be rendered by the caller before
 * the YAML is handed over. Immutable.
 */
public final class YamlSelectors {
    /** The file dbt reads, at the project root. */
    public static final String FILE_NAME = "selectors.yml";

    private static final Set<String> SELECTOR_KEYS = Set.of("name", "description", "default", "definition");
    private static final Set<String> CRITERIA_KEYS = Set.of("method", "value", "parents", "parents_depth", "children",
            "children_depth", "childrens_parents", "indirect_selection", "exclude");
    private static final YamlSelectors EMPTY = new YamlSelectors(Map.of(), null, List.of());

    private final Map<String, SelectorDefinition> selectors;
    private final String defaultSelector;
    private final List<String> warnings;

    private YamlSelectors(Map<String, SelectorDefinition> selectors, String defaultSelector, List<String> warnings) {
        this.selectors = Collections.unmodifiableMap(new LinkedHashMap<>(selectors));
        this.defaultSelector = defaultSelector;
        this.warnings = List.copyOf(warnings);
    }

    /** No selectors (a project without {@code selectors.yml}). */
    public static YamlSelectors empty() {
        return EMPTY;
    }

    /** Reads {@code selectors.yml} in the project directory; no file (or an empty one) gives no selectors. */
    public static YamlSelectors load(Path projectDir) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        return parse(Yaml.read(file, FILE_NAME), FILE_NAME);
    }

    /**
     * Validates and parses the file's YAML (as {@link Yaml#read} returns it).
     *
     * @param file how messages name the file
     * @throws SlipwayException {@code SELECTOR_INVALID} naming the selector and what to write instead
     */
    public static YamlSelectors parse(Object yaml, String file) {
        if (yaml == null) {
            return EMPTY;
        }
        Loader loader = new Loader(file);
        return loader.load(yaml);
    }

    /** The selectors by name, in file order. */
    public Map<String, SelectorDefinition> selectors() {
        return selectors;
    }

    /** The selector with this name, or null. */
    public SelectorDefinition get(String name) {
        return selectors.get(name);
    }

    /** The selector with this name, or a SELECTOR_INVALID error naming the ones there are. */
    public SelectorDefinition require(String name) {
        SelectorDefinition found = selectors.get(name);
        if (found == null) {
            if (selectors.isEmpty()) {
                throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Could not find selector named '" + name
                        + "': the project has no selectors (define them in " + FILE_NAME + " at the project root)");
            }
            List<String> names = new ArrayList<>(selectors.keySet());
            throw new SlipwayException(ErrorCode.SELECTOR_INVALID, "Could not find selector named '" + name + "'."
                    + Suggestions.didYouMean(name, names) + " Selectors in " + FILE_NAME + ": " + String.join(", ", names) + ".");
        }
        return found;
    }

    /** The name of the selector with {@code default: true}, or null. */
    public String defaultSelector() {
        return defaultSelector;
    }

    /** Things dbt accepts silently but that are likely mistakes (unknown keys, duplicate names). */
    public List<String> warnings() {
        return warnings;
    }

    /** Parses one file; holds the selectors defined so far, for {@code method: selector} reuse. */
    private static final class Loader {
        private final String file;
        private final Map<String, SelectorDefinition> defined = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private String current;

        Loader(String file) {
            this.file = file;
        }

        YamlSelectors load(Object yaml) {
            if (!(yaml instanceof Map<?, ?> root)) {
                throw error("the file must be a mapping with a 'selectors:' list, e.g.\n"
                        + "selectors:\n  - name: nightly\n    definition: 'tag:nightly'");
            }
            for (Object key : root.keySet()) {
                if (!"selectors".equals(key) && !"version".equals(key)) {
                    warnings.add(file + ": top-level key '" + key + "' is not used (only 'selectors' and 'version' are)");
                }
            }
            if (!root.containsKey("selectors")) {
                throw error("it has no 'selectors:' key; write a list of selectors under 'selectors:'");
            }
            Object list = root.get("selectors");
            if (list == null) {
                return new YamlSelectors(Map.of(), null, warnings);
            }
            if (!(list instanceof List<?> entries)) {
                throw error("'selectors' must be a list of {name, definition} entries, got: " + describe(list));
            }
            String defaultName = null;
            int position = 0;
            for (Object entry : entries) {
                position++;
                SelectorDefinition selector = selector(entry, position);
                if (selector.isDefault()) {
                    if (defaultName != null && !defaultName.equals(selector.name())) {
                        throw error("found multiple selectors with `default: true`: '" + defaultName + "' and '"
                                + selector.name() + "'; only one selector can be the default");
                    }
                    defaultName = selector.name();
                }
                if (defined.containsKey(selector.name())) {
                    warnings.add(file + ": selector '" + selector.name() + "' is defined more than once; the last one is used");
                }
                defined.put(selector.name(), selector);
            }
            for (SelectorDefinition selector : defined.values()) {
                current = selector.name();
                checkReferences(selector.definition());
            }
            return new YamlSelectors(defined, defaultName, warnings);
        }

        private SelectorDefinition selector(Object entry, int position) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw error("selector #" + position + " must be a mapping with 'name' and 'definition', got: " + describe(entry));
            }
            Object name = map.get("name");
            if (!(name instanceof String s) || s.isBlank()) {
                throw error("selector #" + position + " needs a 'name' (a string), got: " + describe(name));
            }
            current = s;
            for (Object key : map.keySet()) {
                if (!SELECTOR_KEYS.contains(String.valueOf(key))) {
                    warnings.add(file + ": selector '" + s + "': key '" + key + "' is not used (a selector has name, "
                            + "description, default and definition)" + Suggestions.didYouMean(String.valueOf(key), List.copyOf(SELECTOR_KEYS)));
                }
            }
            Object description = map.get("description");
            if (description != null && !(description instanceof String)) {
                throw error("selector '" + s + "': 'description' must be a string, got: " + describe(description));
            }
            boolean isDefault = isDefault(map.get("default"));
            if (!map.containsKey("definition")) {
                throw error("selector '" + s + "' has no 'definition'; write e.g. definition: 'tag:nightly'");
            }
            Object definition = map.get("definition");
            if (!(definition instanceof String) && !(definition instanceof Map)) {
                throw error("selector '" + s + "': the definition must be a selector string or a mapping (union, intersection, "
                        + "{method: value} or {method, value, ...}); no lists at the top level, got: " + describe(definition));
            }
            SelectionNode parsed = definition(definition, true);
            return new SelectorDefinition(s, (String) description, isDefault, parsed);
        }

        private boolean isDefault(Object value) {
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof String str) {
                String t = str.strip().toLowerCase(Locale.ROOT);
                if (t.equals("true")) {
                    return true;
                }
                if (t.equals("false")) {
                    return false;
                }
            }
            throw error("selector '" + current + "': 'default' must be true or false, got: " + describe(value)
                    + " (Jinja in " + file + " must be rendered before the file is loaded)");
        }

        /** dbt's {@code parse_from_definition}. */
        private SelectionNode definition(Object definition, boolean rootLevel) {
            if (definition instanceof Map<?, ?> map && rootLevel && map.size() > 1
                    && (map.containsKey("union") || map.containsKey("intersection"))) {
                throw error("selector '" + current + "': only a single 'union' or 'intersection' key is allowed in a root "
                        + "level definition; found " + String.join(",", keys(map)) + ". Put the other keys inside the list.");
            }
            if (definition instanceof String s) {
                return wrap(() -> SelectorParser.parseCriterion(s, null));
            }
            if (definition instanceof Map<?, ?> map) {
                if (map.containsKey("union")) {
                    return setOperation(map, "union", SelectionGroup.Kind.UNION);
                }
                if (map.containsKey("intersection")) {
                    return setOperation(map, "intersection", SelectionGroup.Kind.INTERSECTION);
                }
                return dictionary(map);
            }
            throw error("selector '" + current + "': expected a union, an intersection, a selector string or a mapping, "
                    + "found " + typeName(definition) + ": " + describe(definition));
        }

        private SelectionNode setOperation(Map<?, ?> map, String key, SelectionGroup.Kind kind) {
            for (Object other : map.keySet()) {
                if (!other.equals(key)) {
                    warnings.add(file + ": selector '" + current + "': key '" + other + "' next to '" + key + "' is ignored");
                }
            }
            List<SelectionNode> include = new ArrayList<>();
            SelectionNode exclude = null;
            for (Object item : listOfDefinitions(map, key)) {
                if (item instanceof Map<?, ?> m && m.containsKey("exclude")) {
                    if (exclude != null) {
                        throw error("selector '" + current + "': you cannot provide multiple exclude arguments to the same "
                                + key + "; put every excluded selection in one '- exclude: [...]' item");
                    }
                    exclude = exclusions(m);
                } else {
                    include.add(definition(item, false));
                }
            }
            String raw = key + " in selector '" + current + "'";
            SelectionGroup group = new SelectionGroup(kind, include, IndirectSelection.EAGER, false, raw);
            if (exclude == null) {
                return group;
            }
            return new SelectionGroup(SelectionGroup.Kind.DIFFERENCE, List.of(group, exclude), IndirectSelection.EAGER, false, raw);
        }

        private SelectionNode exclusions(Map<?, ?> map) {
            List<SelectionNode> parsed = new ArrayList<>();
            for (Object item : listOfDefinitions(map, "exclude")) {
                parsed.add(definition(item, false));
            }
            if (parsed.isEmpty()) {
                return null;
            }
            if (parsed.size() == 1) {
                return parsed.get(0);
            }
            return new SelectionGroup(SelectionGroup.Kind.UNION, parsed, IndirectSelection.EAGER, false,
                    "exclude in selector '" + current + "'");
        }

        private List<Object> listOfDefinitions(Map<?, ?> map, String key) {
            Object value = map.get(key);
            if (!(value instanceof List<?> list)) {
                throw error("selector '" + current + "': the value of '" + key + "' must be a list, got: " + describe(value)
                        + "; write e.g.\n  " + key + ":\n    - 'tag:nightly'");
            }
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String) && !(item instanceof Map)) {
                    throw error("selector '" + current + "': invalid item in '" + key + "': expected a mapping or a string, "
                            + "got " + typeName(item) + ": " + describe(item));
                }
                out.add(item);
            }
            return out;
        }

        /** dbt's {@code parse_dict_definition}. */
        private SelectionNode dictionary(Map<?, ?> map) {
            Map<String, Object> dct = new LinkedHashMap<>();
            SelectionNode exclude = null;
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                if ("method".equals(key) || "value".equals(key)) {
                    throw error("selector '" + current + "': a definition with '" + key + "' needs both 'method' and "
                            + "'value', e.g. {method: tag, value: nightly}, or the short form {tag: nightly}");
                }
                if ("exclude".equals(key)) {
                    throw error("selector '" + current + "': 'exclude' must be an item of a union or intersection list, or "
                            + "sit next to 'method' and 'value'");
                }
                dct.put("method", String.valueOf(key));
                dct.put("value", map.get(key));
            } else if ("selector".equals(map.get("method"))) {
                Object name = map.get("value");
                SelectorDefinition other = defined.get(PyValues.str(name));
                if (other == null) {
                    throw error("selector '" + current + "' reuses selector '" + PyValues.str(name) + "', which is not defined "
                            + "above it; define '" + PyValues.str(name) + "' earlier in the file (a selector can only reuse "
                            + "selectors listed before it)");
                }
                return other.definition();
            } else if (map.containsKey("method") && map.containsKey("value")) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    if (key.equals("exclude")) {
                        exclude = exclusions(map);
                    } else {
                        if (!CRITERIA_KEYS.contains(key)) {
                            warnings.add(file + ": selector '" + current + "': key '" + key + "' is not a selector key and is "
                                    + "ignored." + Suggestions.didYouMean(key, List.copyOf(CRITERIA_KEYS)));
                        }
                        dct.put(key, e.getValue());
                    }
                }
            } else {
                throw error("selector '" + current + "': expected either 1 key ({tag: nightly}) or else 'method' and "
                        + "'value' keys, but got " + keys(map));
            }
            SelectionCriteria base = criteria(dct);
            if (exclude == null) {
                return base;
            }
            return new SelectionGroup(SelectionGroup.Kind.DIFFERENCE, List.of(base, exclude), IndirectSelection.EAGER, false,
                    base.raw());
        }

        /** dbt's {@code selection_criteria_from_dict}. */
        private SelectionCriteria criteria(Map<String, Object> dct) {
            Object rawMethod = dct.get("method");
            if (!(rawMethod instanceof String methodText)) {
                throw error("selector '" + current + "': 'method' must be a method name such as tag or config.materialized, got: "
                        + describe(rawMethod));
            }
            Object value = dct.get("value");
            boolean childrensParents = PyValues.truthy(dct.get("childrens_parents"));
            boolean parents = PyValues.truthy(dct.get("parents"));
            boolean children = PyValues.truthy(dct.get("children"));
            String raw = (childrensParents ? "@" : "") + (parents ? depthText(dct.get("parents_depth")) + "+" : "")
                    + methodText + ":" + PyValues.str(value) + (children ? "+" + depthText(dct.get("children_depth")) : "");
            String[] parts = methodText.split("\\.", -1);
            MethodName method = wrap(() -> SelectorParser.method(parts[0], raw));
            Integer parentsDepth = wrap(() -> SelectorParser.depth(dct.get("parents_depth"), raw));
            Integer childrenDepth = wrap(() -> SelectorParser.depth(dct.get("children_depth"), raw));
            IndirectSelection indirect = null;
            Object mode = dct.get("indirect_selection");
            if (mode != null) {
                indirect = wrap(() -> IndirectSelection.parse(PyValues.str(mode)));
            }
            if (childrensParents && children) {
                throw error("selector '" + current + "': 'childrens_parents' and 'children' cannot be combined in '" + raw
                        + "' (childrens_parents already takes every descendant); keep one of them");
            }
            return new SelectionCriteria(raw, method, List.of(parts).subList(1, parts.length), value, childrensParents,
                    parents, parentsDepth, children, childrenDepth, indirect);
        }

        private void checkReferences(SelectionNode node) {
            if (node instanceof SelectionGroup group) {
                for (SelectionNode component : group.components()) {
                    checkReferences(component);
                }
            } else if (node instanceof SelectionCriteria criteria && criteria.method() == MethodName.SELECTOR) {
                String name = criteria.valueString();
                if (!defined.containsKey(name)) {
                    List<String> names = new ArrayList<>(defined.keySet());
                    throw error("selector '" + current + "' uses '" + criteria.raw() + "' but there is no selector named '"
                            + name + "'." + Suggestions.didYouMean(name, names) + " Selectors: " + String.join(", ", names) + ".");
                }
            }
        }

        private static String depthText(Object depth) {
            return depth == null || !PyValues.truthy(depth) ? "" : PyValues.str(depth);
        }

        private <T> T wrap(java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (SlipwayException e) {
                throw error("selector '" + current + "': " + e.getMessage());
            }
        }

        private SlipwayException error(String message) {
            return new SlipwayException(ErrorCode.SELECTOR_INVALID, "Invalid " + file + ": " + message, file, 0);
        }

        private static List<String> keys(Map<?, ?> map) {
            List<String> out = new ArrayList<>();
            for (Object k : map.keySet()) {
                out.add(String.valueOf(k));
            }
            return out;
        }

        private static String typeName(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof List) {
                return "a list";
            }
            if (value instanceof Number) {
                return "a number";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            return value.getClass().getSimpleName();
        }

        private static String describe(Object value) {
            String s = PyValues.str(value);
            return s.length() > 80 ? s.substring(0, 77) + "..." : s;
        }
    }
}

package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.VersionInfo;
import io.slipway.core.parser.Properties.NodePatch;
import io.slipway.core.parser.Properties.TestDecl;
import io.slipway.core.project.Yaml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's {@code versions:} as dbt reads them: each version is defined in {@code <name>_v<v>.sql} unless
 * {@code defined_in} names another file; takes the model's description, config, tests and columns, narrowed by an
 * {@code include}/{@code exclude} entry and extended by its own; {@code latest_version} defaults to the greatest
 * version.
 */
final class ModelVersionsParser {
    /**
     * One version's patch.
     *
     * @param fileStem       the model file it applies to
     * @param latestFallback for the latest version without {@code defined_in}, the model's own name: its file may
     *                       also be {@code <name>.sql}; else null
     */
    record Version(String fileStem, NodePatch patch, String latestFallback) {
    }

    private ModelVersionsParser() {
    }

    static List<Version> versions(Map<String, Object> entry, NodePatch base, String path) {
        String name = base.name();
        List<Map<String, Object>> raw = new ArrayList<>();
        List<Object> vs = new ArrayList<>();
        for (Object item : Yaml.asList(entry.get("versions"))) {
            Map<String, Object> version = Yaml.asMap(item, "a version of model '" + name + "'", path);
            Object v = version.get("v");
            if (v == null || v instanceof Map || v instanceof List || v instanceof Boolean) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "a version of model '" + name + "' in " + path
                        + " has no 'v:' (a number or a string, like 'v: 2')", path, 0);
            }
            for (Object seen : vs) {
                if (VersionInfo.same(seen, v)) {
                    throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "model '" + name + "' in " + path + " lists version "
                            + VersionInfo.text(v) + " twice", path, 0);
                }
            }
            vs.add(v);
            raw.add(version);
        }
        Object latest = entry.get("latest_version");
        if (latest == null) {
            for (Object v : vs) {
                latest = latest == null || VersionInfo.compare(v, latest) > 0 ? v : latest;
            }
        }
        List<TestDecl> modelTests = new ArrayList<>();
        Map<String, List<TestDecl>> columnTests = new LinkedHashMap<>();
        for (TestDecl t : base.tests()) {
            if (t.columnName() == null) {
                modelTests.add(t);
            } else {
                columnTests.computeIfAbsent(t.columnName(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Version> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> version = raw.get(i);
            Object v = vs.get(i);
            String owner = name + ".v" + VersionInfo.text(v);
            List<Object> ownColumns = new ArrayList<>();
            Object[] includeExclude = {"*", List.of()};
            boolean seenIncludeExclude = false;
            for (Object c : Yaml.asList(version.get("columns"))) {
                if (c instanceof Map<?, ?> m && m.containsKey("include")) {
                    if (seenIncludeExclude) {
                        throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "version " + VersionInfo.text(v) + " of model '" + name
                                + "' in " + path + " can have at most one include/exclude element", path, 0);
                    }
                    seenIncludeExclude = true;
                    includeExclude = includeExclude(m, owner, path);
                } else {
                    ownColumns.add(c);
                }
            }
            Map<String, ColumnSpec> columns = new LinkedHashMap<>();
            List<TestDecl> tests = new ArrayList<>();
            boolean hasOwnTests = version.get("data_tests") != null || version.get("tests") != null;
            if (hasOwnTests) {
                for (Object t : PropertiesParser.testList(version, owner, path)) {
                    tests.add(new TestDecl(t, null, List.of()));
                }
            } else {
                tests.addAll(modelTests);
            }
            for (ColumnSpec c : base.columns().values()) {
                if (includes(includeExclude, c.name())) {
                    columns.put(c.name(), c);
                    tests.addAll(columnTests.getOrDefault(c.name(), List.of()));
                }
            }
            PropertiesParser.columns(ownColumns, owner, path, columns, tests);
            Map<String, Object> config = ConfigMerger.copy(base.config());
            ConfigMerger.mergeInto(config, ConfigMerger.copy(PropertiesParser.config(version, owner, path)));
            String description = Yaml.asString(version.get("description"));
            String deprecation = version.get("deprecation_date") == null ? null : date(version.get("deprecation_date"), owner, path);
            NodePatch patch = new NodePatch(name, description == null || description.isEmpty() ? base.description() : description,
                    columns, config, tests, path, base.packageName(), new VersionInfo(v, latest, deprecation));
            String definedIn = Yaml.asString(version.get("defined_in"));
            String stem = definedIn != null ? definedIn : name + "_v" + VersionInfo.text(v);
            out.add(new Version(stem, patch, definedIn == null && VersionInfo.same(v, latest) ? name : null));
        }
        return out;
    }

    /** dbt's {@code IncludeExclude}: include is 'all', '*' or a list of columns; exclude only goes with all. */
    private static Object[] includeExclude(Map<?, ?> m, String owner, String path) {
        Object include = m.get("include");
        List<Object> exclude = Yaml.asList(m.get("exclude"));
        boolean all = "all".equals(include) || "*".equals(include);
        if (!all && !(include instanceof List<?>)) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "the include of " + owner + "'s columns in " + path
                    + " must be 'all', '*' or a list of column names, got " + include, path, 0);
        }
        if (!all && !exclude.isEmpty()) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "the columns of " + owner + " in " + path
                    + ": exclude can only be specified if include is one of 'all' or '*'", path, 0);
        }
        return new Object[] {all ? "*" : include, exclude};
    }

    private static boolean includes(Object[] includeExclude, String column) {
        Object include = includeExclude[0];
        boolean included = "*".equals(include) || include instanceof List<?> l && l.stream().anyMatch(c -> column.equals(String.valueOf(c)));
        return included && ((List<?>) includeExclude[1]).stream().noneMatch(c -> column.equals(String.valueOf(c)));
    }

    /**
     * dbt's {@code deprecation_date}: a date or date-time; without a time zone it is in the machine's zone. As
     * Python's {@code isoformat()} prints it ({@code 2024-06-01T00:00:00+00:00}).
     */
    static String date(Object value, String owner, String path) {
        String text = value.toString().trim();
        ZonedDateTime at;
        try {
            if (text.length() <= 10) {
                at = LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault());
            } else {
                String iso = text.replace(' ', 'T').replaceAll("T(\\d):", "T0$1:");
                if (iso.matches(".*[+-]\\d\\d$")) {
                    iso = iso + ":00";
                }
                try {
                    at = OffsetDateTime.parse(iso.replaceAll("(\\d)Z$", "$1+00:00")).toZonedDateTime();
                } catch (DateTimeParseException noOffset) {
                    at = LocalDateTime.parse(iso).atZone(ZoneId.systemDefault());
                }
            }
        } catch (DateTimeParseException e) {
            throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "the deprecation_date of " + owner + " in " + path + " is '" + text
                    + "', which is not a date or date-time (like 2024-06-01 or 2024-06-01 12:00:00+00:00)", path, 0);
        }
        OffsetDateTime t = at.toOffsetDateTime();
        String base = String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
                t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
        return base + (micros == 0 ? "" : String.format(".%06d", micros)) + offset;
    }
}

package io.slipway.core.parser;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.VersionInfo;

import java.util.List;
import java.util.Map;

/** What a package's properties files ({@code schema.yml}) say, by resource. */
public final class Properties {
    private Properties() {
    }

    /**
     * A generic test as declared: {@code unique}, {@code {relationships: {to: ..., field: ...}}}.
     *
     * @param definition a string or a one-key map (or a map with {@code test_name})
     * @param columnName the column it is declared on, or null for a model-level test
     * @param tags       tags of the column it is declared on
     */
    public record TestDecl(Object definition, String columnName, List<String> tags) {
    }

    /**
     * A model, seed, snapshot or analysis entry.
     *
     * @param file        the properties file (original_file_path)
     * @param versionInfo for a model, its version (one patch per version of a versioned model) and deprecation date
     */
    public record NodePatch(String name, String description, Map<String, ColumnSpec> columns, Map<String, Object> config,
                            List<TestDecl> tests, String file, String packageName, VersionInfo versionInfo) {
    }

    /** A {@code snapshots:} entry with a {@code relation:} (dbt 1.9): a snapshot of that ref or source, defined in YAML alone. */
    public record YamlSnapshot(String name, String relation, SourceFile file) {
    }

    /** An {@code exposures:} entry, as written (checked when the exposure is built). */
    public record ExposureDecl(Map<String, Object> entry, String name, SourceFile file) {
    }

    /** A {@code unit_tests:} entry, as written (checked when the test is built, once the models exist). */
    public record UnitTestDecl(Map<String, Object> entry, String name, String file, String packageName) {
    }

    /** A {@code groups:} entry. */
    public record GroupPatch(String name, Map<String, Object> owner, String description, String file, String packageName) {
    }

    /** One table of a source; {@code freshness} is empty when not written and null when written as {@code null}. */
    public record SourceTablePatch(String name, String identifier, String description, Map<String, ColumnSpec> columns,
                                   Map<String, Object> meta, List<String> tags, Map<String, Object> config,
                                   String loadedAtField, Map<String, Object> freshness, Map<String, Object> quoting,
                                   List<TestDecl> tests) {
    }

    /** A {@code sources:} entry; {@code freshness} as for tables. */
    public record SourcePatch(String name, String database, String schema, String description, String loader,
                              Map<String, Object> meta, List<String> tags, Map<String, Object> config, String loadedAtField,
                              Map<String, Object> freshness, Map<String, Object> quoting, List<SourceTablePatch> tables,
                              String file, String packageName) {
    }

    /** A {@code macros:} entry (descriptions of macros). */
    public record MacroPatch(String name, String description, String file) {
    }
}

package io.slipway.core.parser;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.parser.Properties.SourcePatch;
import io.slipway.core.parser.Properties.SourceTablePatch;
import io.slipway.core.project.ProjectConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds source definitions from {@code sources:} entries: one per table, with dbt's defaults for database, schema and identifier. */
final class SourceFactory {
    private final ParseEnvironment env;
    private final DescriptionRenderer descriptions;

    SourceFactory(ParseEnvironment env, DescriptionRenderer descriptions) {
        this.env = env;
        this.descriptions = descriptions;
    }

    List<SourceDefinition> build(SourcePatch source, ProjectConfig pkg) {
        List<SourceDefinition> out = new ArrayList<>();
        String database = source.database() != null ? source.database() : env.adapter().defaultDatabase();
        String schema = source.schema() != null ? source.schema() : source.name();
        for (SourceTablePatch table : source.tables()) {
            String identifier = table.identifier() != null ? table.identifier() : table.name();
            List<String> fqn = new ArrayList<>();
            fqn.add(pkg.name());
            String[] parts = source.file().split("/");
            for (int i = 1; i < parts.length - 1; i++) {
                fqn.add(parts[i]);
            }
            fqn.add(source.name());
            fqn.add(table.name());
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("enabled", true);
            config.putAll(ConfigMerger.fromProjectTree(pkg.configTree("sources"), fqn));
            config.putAll(source.config());
            config.putAll(table.config());
            Map<String, Object> unrendered = new LinkedHashMap<>(ConfigMerger.fromProjectTree(pkg.unrenderedConfigTree("sources"), fqn));
            unrendered.putAll(source.config());
            unrendered.putAll(table.config());
            Map<String, Object> meta = new LinkedHashMap<>(table.meta());
            List<String> tags = new ArrayList<>(source.tags());
            for (String t : table.tags()) {
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
            Map<String, Object> freshness = FreshnessMerger.merge(ConfigMerger.fromProjectTree(pkg.configTree("sources"), fqn).get("freshness"),
                    source.freshness(), table.freshness(), "source '" + source.name() + "." + table.name() + "'", source.file());
            String loadedAtField = table.loadedAtField() != null ? table.loadedAtField() : source.loadedAtField();
            Object tableQuery = table.config().get("loaded_at_query");
            if (tableQuery != null && table.loadedAtField() != null || tableQuery == null && source.config().get("loaded_at_query") != null
                    && source.loadedAtField() != null) {
                throw new SlipwayException(ErrorCode.PROPERTIES_INVALID, "source '" + source.name() + "." + table.name() + "' in "
                        + source.file() + " sets both loaded_at_field and loaded_at_query; freshness takes one of them, remove the other",
                        source.file(), 0);
            }
            if (config.get("loaded_at_query") != null && (tableQuery != null || table.loadedAtField() == null)) {
                loadedAtField = null;   // the query decides (a table's own loaded_at_field still beats its source's query)
            } else {
                config.remove("loaded_at_query");
            }
            Map<String, Object> quoting = new LinkedHashMap<>(source.quoting());
            quoting.putAll(table.quoting());
            out.add(new SourceDefinition(
                    "source." + pkg.name() + "." + source.name() + "." + table.name(),
                    pkg.name(), source.name(), table.name(), identifier, database, schema,
                    env.relationName(database, schema, identifier),
                    source.file(), source.file(), fqn, descriptions.render(table.description(), pkg.name(), source.file()),
                    descriptions.render(source.description(), pkg.name(), source.file()), source.loader(),
                    descriptions.columns(table.columns(), pkg.name(), source.file()), meta, source.meta(), tags, config, unrendered,
                    loadedAtField, freshness, quoting));
        }
        return out;
    }
}

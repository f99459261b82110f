package io.slipway.core.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a node or source differs from the previous run, aspect by aspect (dbt's {@code same_*} checks), and which
 * of them make it {@code state:modified} for its kind.
 *
 * @param kind                  what the comparison rules were (nodes, generic tests and sources differ)
 * @param isNew                 absent from the previous manifest
 * @param body                  raw code (seeds: file checksum) differs
 * @param configs               unrendered config keys whose values differ, sorted
 * @param relation              unrendered database, schema or alias differ (sources: the rendered ones)
 * @param persistedDescriptions a description that persist_docs writes to the warehouse differs
 * @param fqn                   the fully qualified name differs
 * @param refRepresentation     a model's {@code access}, {@code latest_version} or {@code deprecation_date} that differ
 * @param contract              an enforced contract was added or its checksum differs
 * @param macros                modified, added or removed macros the node calls, directly or through other macros
 * @param sourceProperties      a source's {@code quoting}, {@code freshness}/{@code loaded_at_field} or {@code external} that differ
 */
public record NodeChanges(
        Kind kind,
        boolean isNew,
        boolean body,
        List<String> configs,
        boolean relation,
        boolean persistedDescriptions,
        boolean fqn,
        List<String> refRepresentation,
        boolean contract,
        List<String> macros,
        List<String> sourceProperties) {

    /** Which of dbt's node classes the rules come from. */
    public enum Kind { NODE, GENERIC_TEST, SOURCE }

    public NodeChanges {
        configs = List.copyOf(configs);
        refRepresentation = List.copyOf(refRepresentation);
        macros = List.copyOf(macros);
        sourceProperties = List.copyOf(sourceProperties);
    }

    static NodeChanges added(Kind kind, List<String> macros) {
        return new NodeChanges(kind, true, false, List.of(), false, false, false, List.of(), false, macros, List.of());
    }

    /**
     * dbt's {@code state:modified}: {@code not same_contents(old)} or an upstream macro changed. A new source is
     * not modified (dbt's {@code SourceDefinition.same_contents(None)} is true); it is {@code state:new}.
     */
    public boolean modified() {
        return switch (kind) {
            case SOURCE -> !isNew && (relation || fqn || !configs.isEmpty() || !sourceProperties.isEmpty());
            case GENERIC_TEST -> isNew || !configs.isEmpty() || fqn || !macros.isEmpty();
            case NODE -> isNew || body || !configs.isEmpty() || relation || persistedDescriptions || fqn || !refRepresentation.isEmpty()
                    || contract || !macros.isEmpty();
        };
    }

    /**
     * One {@code state:modified.<aspect>} sub-selector, as dbt's {@code check_modified_factory}: true when the node
     * is new or the aspect differs, for the aspects its kind has; {@code macros} does not look at newness.
     */
    public boolean modified(String aspect) {
        boolean isSource = kind == Kind.SOURCE;
        return switch (aspect) {
            case "body" -> !isSource && (isNew || body);
            case "configs" -> isNew || !configs.isEmpty();
            case "relation" -> isNew || relation;
            case "persisted_descriptions" -> !isSource && (isNew || persistedDescriptions);
            case "macros" -> !macros.isEmpty();
            case "contract" -> !isSource && (isNew || contract);
            default -> throw new IllegalArgumentException(aspect);
        };
    }

    /** Why the node counts as modified, for {@code ls --output json}: only the aspects that count for its kind. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (isNew) {
            out.put("new", true);
        }
        if (body && kind == Kind.NODE) {
            out.put("body", true);
        }
        if (!configs.isEmpty()) {
            out.put("configs", configs);
        }
        if (relation && kind != Kind.GENERIC_TEST) {
            out.put("relation", true);
        }
        if (persistedDescriptions && kind == Kind.NODE) {
            out.put("persisted_descriptions", true);
        }
        if (fqn) {
            out.put("fqn", true);
        }
        if (!refRepresentation.isEmpty() && kind == Kind.NODE) {
            out.put("ref_representation", refRepresentation);
        }
        if (contract && kind == Kind.NODE) {
            out.put("contract", true);
        }
        if (!macros.isEmpty()) {
            out.put("macros", macros);
        }
        if (!sourceProperties.isEmpty()) {
            out.put("source_properties", sourceProperties);
        }
        return out;
    }
}

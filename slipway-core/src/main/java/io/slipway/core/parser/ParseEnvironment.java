package io.slipway.core.parser;

import io.slipway.adapter.Adapter;
import io.slipway.core.project.ProjectConfig;
import io.slipway.core.template.DbtContext;

import java.util.Objects;

/** What parsing needs besides the files: the root project, the adapter (names and quoting) and the dbt context. */
public record ParseEnvironment(ProjectConfig root, Adapter adapter, DbtContext context) {
    public ParseEnvironment {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(adapter, "adapter is null");
        Objects.requireNonNull(context, "context is null");
    }

    /** A quoted relation name as the adapter prints it. */
    public String relationName(String database, String schema, String identifier) {
        StringBuilder sb = new StringBuilder();
        if (database != null) {
            sb.append(adapter.quote(database)).append('.');
        }
        sb.append(adapter.quote(schema)).append('.').append(adapter.quote(identifier));
        return sb.toString();
    }
}

package io.slipway.cli;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Validates artifacts against dbt's published JSON Schemas (test resources under dbt-schemas/). */
final class ArtifactSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactSchemas() {
    }

    /** The schema violations of an artifact; empty when it is valid. */
    static List<String> violations(String schemaResource, Path artifact) throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        try (InputStream in = ArtifactSchemas.class.getResourceAsStream("/dbt-schemas/" + schemaResource)) {
            Schema schema = registry.getSchema(in);
            List<String> messages = new ArrayList<>();
            for (Error e : schema.validate(JSON.readTree(Files.readString(artifact)))) {
                messages.add(e.toString());
            }
            return messages;
        }
    }
}

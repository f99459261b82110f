package io.slipway.core.artifacts;

import io.slipway.core.manifest.FileChecksum;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code metadata} block every artifact starts with. */
public record ArtifactMetadata(String invocationId, ZonedDateTime invocationStartedAt, Map<String, String> env) {
    /** The dbt version Slipway writes into artifacts (the dbt release it is compatible with). */
    public static final String DBT_VERSION = "1.10.0";

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String isoWithOffset(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
    }

    Map<String, Object> toJson(String schema, String projectName, String adapterType, Map<String, Object> quoting) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dbt_schema_version", "https://schemas.getdbt.com/dbt/" + schema + ".json");
        m.put("dbt_version", DBT_VERSION);
        m.put("generated_at", iso(Instant.now()));
        m.put("invocation_id", invocationId);
        m.put("invocation_started_at", isoWithOffset(invocationStartedAt));
        m.put("env", env);
        if (projectName != null) {
            m.put("project_name", projectName);
            m.put("project_id", FileChecksum.md5Hex(projectName));
            m.put("user_id", null);
            m.put("send_anonymous_usage_stats", false);
            m.put("adapter_type", adapterType);
            m.put("quoting", quoting);
            m.put("run_started_at", isoWithOffset(invocationStartedAt));
        }
        return m;
    }
}

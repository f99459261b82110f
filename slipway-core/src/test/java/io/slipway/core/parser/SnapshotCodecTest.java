package io.slipway.core.parser;

import io.slipway.core.manifest.ColumnSpec;
import io.slipway.core.manifest.DependsOn;
import io.slipway.core.manifest.DocBlock;
import io.slipway.core.manifest.FileChecksum;
import io.slipway.core.manifest.GroupDefinition;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;
import io.slipway.core.manifest.RefCall;
import io.slipway.core.manifest.ResourceType;
import io.slipway.core.manifest.SourceDefinition;
import io.slipway.core.manifest.TestMetadata;
import io.slipway.core.manifest.VersionInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    @Test
    void everyFieldAndValueKindComesBackEqualAndInOrder() throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("materialized", "incremental");
        config.put("unique_key", List.of("id", "day"));
        config.put("int_value", 7);
        config.put("long_value", 7L);
        config.put("double_value", 0.1);
        config.put("decimal", new BigDecimal("12345678901234567890.123"));
        config.put("big", new BigInteger("123456789012345678901234567890"));
        config.put("flag", false);
        config.put("nothing", null);
        config.put("nested", Map.of("a", List.of(Map.of("b", true))));
        config.put("unicode", "ünïcødé ✓ \u0000 end");
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("id", new ColumnSpec("id", "the key", Map.of("primary_key", true), "integer",
                List.of(Map.of("type", "not_null")), true, List.of("pii")));
        columns.put("Name", new ColumnSpec("Name", "", Map.of(), null, null, null, List.of()));
        Node model = new Node("model.p.m", ResourceType.MODEL, "p", "m", "m.sql", "models/m.sql", "p://models/schema.yml",
                List.of("p", "m"), new FileChecksum("sha256", "abc"), new NodeConfig(config), Map.of("materialized", "incremental"),
                Map.of("unique_key", "id"), "db", "main", "m_alias", "\"db\".\"main\".\"m_alias\"", "a model",
                columns, "select 1 -- " + "x".repeat(70_000), "sql", List.of(new RefCall("a", null, null), new RefCall("b", "q", "2")),
                List.of(List.of("src", "t")), new DependsOn(List.of("macro.p.mac"), List.of("model.p.a")), null, null, null,
                new VersionInfo(2L, 3L, "2030-01-01T00:00:00+00:00"));
        Node test = new Node("test.p.unique_m_id.abc", ResourceType.TEST, "p", "unique_m_id", "unique_m_id.sql", "models/schema.yml",
                null, List.of("p", "unique_m_id"), null, new NodeConfig(Map.of("severity", "ERROR")), Map.of(), Map.of(), null, null,
                null, null, null, Map.of(), "{{ test_unique(**_dbt_generic_test_kwargs) }}", "sql", List.of(new RefCall("m", null, null)),
                List.of(), DependsOn.NONE, new TestMetadata("unique", Map.of("column_name", "id"), null), "id", "model.p.m", null);
        Node disabled = new Node("model.p.off", ResourceType.MODEL, "p", "off", "off.sql", "models/off.sql", null, List.of("p", "off"),
                null, new NodeConfig(Map.of("enabled", false)), Map.of(), Map.of(), null, null, null, null, null, Map.of(), "", "sql",
                List.of(), List.of(), DependsOn.NONE, null, null, null, VersionInfo.NONE);
        SourceDefinition source = new SourceDefinition("source.p.src.t", "p", "src", "t", "t", "db", "raw", "\"db\".\"raw\".\"t\"",
                "models/sources.yml", "models/sources.yml", List.of("p", "src", "t"), "a table", "a source", "fivetran", columns,
                Map.of("owner", "x"), Map.of(), List.of("daily"), Map.of("enabled", true), Map.of(), "loaded_at",
                Map.of("warn_after", Map.of("count", 12, "period", "hour")), Map.of("identifier", true));
        ParseSnapshot snapshot = new ParseSnapshot(
                Map.of(model.uniqueId(), model, test.uniqueId(), test),
                Map.of(source.uniqueId(), source),
                Map.of("doc.p.d", new DocBlock("doc.p.d", "d", "p", "docs.md", "models/docs.md", "some *doc*")),
                Map.of("group.p.g", new GroupDefinition("g", "p", "groups.yml", "models/groups.yml", Map.of("name", "Ann"), "team")),
                List.of(disabled),
                Map.of("macro.p.mac", "does things"));

        ParseSnapshot back = roundTrip(snapshot);

        assertThat(back).isEqualTo(snapshot);
        assertThat(new ArrayList<>(back.nodes().get("model.p.m").config().values().keySet()))
                .containsExactlyElementsOf(config.keySet());
        Map<String, Object> values = back.nodes().get("model.p.m").config().values();
        assertThat(values.get("int_value")).isInstanceOf(Integer.class);
        assertThat(values.get("long_value")).isInstanceOf(Long.class);
        assertThat(values).containsEntry("nothing", null);
        assertThat(back.nodes().get("model.p.m").versionInfo().isVersioned()).isTrue();
        assertThat(back.disabled()).containsExactly(disabled);
    }

    @Test
    void aValueOfAnotherKindIsRefusedNotWrittenHalfway() {
        Node odd = new Node("model.p.m", ResourceType.MODEL, "p", "m", "m.sql", "models/m.sql", null, List.of("p", "m"), null,
                new NodeConfig(Map.of("when", java.time.LocalDate.of(2024, 1, 1))), Map.of(), Map.of(), null, null, null, null, null,
                Map.of(), "", "sql", List.of(), List.of(), DependsOn.NONE, null, null, null, VersionInfo.NONE);
        ParseSnapshot snapshot = new ParseSnapshot(Map.of(odd.uniqueId(), odd), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
        assertThatThrownBy(() -> roundTrip(snapshot)).isInstanceOf(IOException.class).hasMessageContaining("java.time.LocalDate");
    }

    @Test
    void aTruncatedOrForeignFileIsAnErrorNotAWrongProject() throws IOException {
        ParseSnapshot empty = new ParseSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), List.of(), Map.of());
        byte[] bytes = write(empty);
        assertThatThrownBy(() -> read(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(IOException.class);
        byte[] foreign = bytes.clone();
        foreign[0] = 99;
        assertThatThrownBy(() -> read(foreign)).isInstanceOf(IOException.class).hasMessageContaining("format");
    }

    private static ParseSnapshot roundTrip(ParseSnapshot snapshot) throws IOException {
        return read(write(snapshot));
    }

    private static byte[] write(ParseSnapshot snapshot) throws IOException {
        return SnapshotCodec.encode(snapshot);
    }

    private static ParseSnapshot read(byte[] bytes) throws IOException {
        return SnapshotCodec.decode(bytes, 0);
    }
}

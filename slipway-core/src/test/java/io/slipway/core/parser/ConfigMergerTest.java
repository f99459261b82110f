package io.slipway.core.parser;

import io.slipway.core.manifest.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigMergerTest {
    @Test
    void projectTreeAppliesFromOutermostFolderToTheNode() {
        Map<String, Object> tree = Map.of(
                "+tags", List.of("all"),
                "jaffle_shop", Map.of(
                        "+materialized", "table",
                        "enabled", true,
                        "staging", Map.of("+materialized", "view", "+tags", "staging",
                                "stg_orders", Map.of("+alias", "orders_v"))));
        Map<String, Object> config = ConfigMerger.fromProjectTree(tree, List.of("jaffle_shop", "staging", "stg_orders"));
        assertThat(config).containsEntry("materialized", "view").containsEntry("alias", "orders_v").containsEntry("enabled", true);
        assertThat(config.get("tags")).isEqualTo(List.of("all", "staging"));
        Map<String, Object> marts = ConfigMerger.fromProjectTree(tree, List.of("jaffle_shop", "marts", "orders"));
        assertThat(marts).containsEntry("materialized", "table").doesNotContainKey("alias");
        assertThat(ConfigMerger.fromProjectTree(tree, List.of("other_package", "x"))).containsOnlyKeys("tags");
    }

    @Test
    void folderNamedLikeAConfigIsAFolder() {
        Map<String, Object> tree = Map.of("pkg", Map.of("meta", Map.of("+materialized", "table")));
        assertThat(ConfigMerger.fromProjectTree(tree, List.of("pkg", "meta", "m"))).containsEntry("materialized", "table");
    }

    @Test
    void tagsAndHooksAddUpDictsMergeOthersReplace() {
        Map<String, Object> base = ConfigMerger.defaults(ResourceType.MODEL);
        ConfigMerger.mergeInto(base, Map.of("tags", List.of("a"), "pre_hook", "select 1", "meta", Map.of("owner", "x"), "materialized", "table"));
        Map<String, Object> overlay = new LinkedHashMap<>();
        overlay.put("tags", "b");
        overlay.put("pre-hook", List.of("select 2"));
        overlay.put("meta", Map.of("team", "y"));
        overlay.put("materialized", "view");
        ConfigMerger.mergeInto(base, overlay);
        assertThat(base.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(base.get("pre-hook")).isEqualTo(List.of("select 1", "select 2"));
        assertThat(base.get("meta")).isEqualTo(Map.of("owner", "x", "team", "y"));
        assertThat(base.get("materialized")).isEqualTo("view");
        ConfigMerger.normalizeHooks(base);
        assertThat(base.get("pre-hook")).isEqualTo(List.of(
                Map.of("sql", "select 1", "transaction", true, "index", 0L),
                Map.of("sql", "select 2", "transaction", true, "index", 1L)));
    }

    @Test
    void testDefaultsAreDbts() {
        Map<String, Object> d = ConfigMerger.defaults(ResourceType.TEST);
        assertThat(d).containsEntry("schema", "dbt_test__audit").containsEntry("severity", "ERROR")
                .containsEntry("fail_calc", "count(*)").containsEntry("warn_if", "!= 0").containsEntry("error_if", "!= 0");
    }
}

package io.slipway.core.parser;

import io.slipway.core.manifest.RefCall;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StaticParserTest {
    @Test
    void readsLiteralRefsSourcesAndConfig() {
        String sql = """
                {{ config(materialized='table', tags=['a', "b"], meta={'owner': 'x'}, enabled=true, limit=3) }}
                {# a comment #}
                select * from {{ ref('orders') }}
                join {{ ref("pkg", "customers") }} using (id)
                join {{- source('raw', 'payments') -}} using (id)
                join {{ ref('orders') }} again using (id)
                """;
        StaticParser.Result r = StaticParser.parse(sql).orElseThrow();
        assertThat(r.refs()).containsExactly(new RefCall("orders", null, null), new RefCall("customers", "pkg", null));
        assertThat(r.refLines()).containsExactly(3, 4);
        assertThat(r.sources()).containsExactly(List.of("raw", "payments"));
        assertThat(r.config()).isEqualTo(Map.of("materialized", "table", "tags", List.of("a", "b"), "meta", Map.of("owner", "x"),
                "enabled", true, "limit", 3L));
    }

    @Test
    void versionedRefs() {
        assertThat(StaticParser.parse("select * from {{ ref('m', v=2) }}").orElseThrow().refs())
                .containsExactly(new RefCall("m", null, "2"));
    }

    @Test
    void anythingElseIsRendered() {
        assertThat(StaticParser.parse("{% set x = 1 %}select {{ x }}")).isEmpty();
        assertThat(StaticParser.parse("select * from {{ ref('a') }} where {{ var('x') }}")).isEmpty();
        assertThat(StaticParser.parse("select * from {{ ref(name) }}")).isEmpty();
        assertThat(StaticParser.parse("{{ config(materialized=var('m')) }}")).isEmpty();
        assertThat(StaticParser.parse("select '{{ \"a\\nb\" }}'")).isEmpty();
        assertThat(StaticParser.parse("select * from {{ ref('a') | upper }}")).isEmpty();
        assertThat(StaticParser.parse("select 1")).isPresent();
    }
}

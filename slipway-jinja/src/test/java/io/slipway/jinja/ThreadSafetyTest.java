package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One parsed template and one set of bound macros rendered by many threads at once give identical output. */
class ThreadSafetyTest {
    private static final String LIBRARY = """
            {% macro star(cols, except=[]) -%}
              {%- set ns = namespace(out=[]) -%}
              {%- for c in cols if c not in except -%}
                {%- do ns.out.append('"' ~ c ~ '"') -%}
              {%- endfor -%}
              {{ return(ns.out) }}
            {%- endmacro %}
            {% macro surrogate_key(fields) -%}
              md5({% for f in fields %}coalesce(cast({{ f }} as text), ''){% if not loop.last %} || '-' || {% endif %}{% endfor %})
            {%- endmacro %}
            {% macro fib(n) %}{% if n < 2 %}{{ n }}{% else %}{{ fib(n - 1)|int + fib(n - 2)|int }}{% endif %}{% endmacro %}
            """;

    private static final String MODEL = """
            {%- set cols = star(columns, except=['secret']) -%}
            select {{ cols|join(', ') }}, {{ surrogate_key(cols) }} as id, {{ fib(seed % 7) }} as f
            {%- set ns = namespace(total=0) %}
            {%- for i in range(seed % 5) %}{% set ns.total = ns.total + i %}{% endfor %}
            -- total {{ ns.total }}, thread-local {{ seed }}
            {% for c in cols %}{{ loop.index }}:{{ c }}{{ ',' if not loop.last }}{% endfor %}
            """;

    @Test
    void concurrentRendersMatchSequentialOnes() throws Exception {
        Environment env = JinjaTesting.ENV;
        Template library = env.parse(LIBRARY, "library.sql");
        Template model = env.parse(MODEL, "model.sql");

        int threads = 8;
        int rendersPerThread = 1_000;
        List<String> expected = new ArrayList<>();
        for (int seed = 0; seed < 16; seed++) {
            expected.add(render(library, model, seed));
        }
        assertThat(expected.get(3)).contains("select \"id\", \"name\"", "-- total 3, thread-local 3", "as f");

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int i = 0; i < rendersPerThread; i++) {
                        int seed = (i + offset) % 16;
                        if (!render(library, model, seed).equals(expected.get(seed))) {
                            mismatches++;
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get(120, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** As dbt does per node: bind the shared macro definitions to this render's globals, then render. */
    private static String render(Template library, Template model, int seed) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("columns", List.of("id", "name", "secret", "created_at"));
        context.put("seed", (long) seed);
        Globals globals = Globals.of(context);
        for (MacroDefinition def : library.macros()) {
            context.put(def.name(), def.bind(globals));
        }
        return model.render(globals);
    }
}
